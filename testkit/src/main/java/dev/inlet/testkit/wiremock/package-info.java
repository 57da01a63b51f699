/**
 * Inlet's fake API as a WireMock 3.13 extension ({@link dev.inlet.testkit.wiremock.InletWireMock}),
 * for tests that already run WireMock. Needs {@code org.wiremock:wiremock} on the test classpath (an
 * optional dependency of the test kit).
 */
package dev.inlet.testkit.wiremock;
