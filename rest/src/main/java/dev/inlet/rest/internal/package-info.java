/**
 * <b>Internal</b>: helpers shared by the REST module's packages (the body excerpt kept for error
 * messages, JSON Pointer parsing, {@code Link} header parsing). Not API: concealed in the module's
 * {@code META-INF/inlet-api.txt}, and may change in any release.
 */
package dev.inlet.rest.internal;
