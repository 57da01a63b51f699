/**
 * Test kit for projects that use Inlet: {@link dev.inlet.testkit.FakeApi} (an API on a loopback port
 * with paging, credentials, rate limits, seeded faults and request recording),
 * {@link dev.inlet.testkit.WebhookSender} (signed deliveries for every scheme) and the JUnit 5
 * extension {@link dev.inlet.testkit.InletFake}. Add {@code inlet-testkit} in test scope.
 */
package dev.inlet.testkit;
