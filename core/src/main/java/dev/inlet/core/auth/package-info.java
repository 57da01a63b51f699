/**
 * Credentials and request signing, applied as the credentials link of the
 * {@link dev.inlet.core.http.HttpPipeline} on every attempt and every redirect hop.
 *
 * <p>Every type here is a {@link dev.inlet.core.auth.Credentials}: an interceptor bound to the
 * origin it may authenticate, leaving requests to any other origin untouched. API keys (header,
 * query parameter, cookie), bearer tokens and HTTP Basic come from the factories on
 * {@code Credentials}; OAuth2 client credentials, the OAuth2 refresh-token grant, session logins,
 * a generic HMAC signer and AWS Signature Version 4 have builders of their own. Token-based
 * credentials cache tokens until shortly before they expire, fetch them single-flight over their
 * own HTTP path (never through the data pipeline's rate limiter), and answer a 401 with one refresh
 * and one replay. Failures of a token endpoint surface as
 * {@link dev.inlet.core.auth.AuthenticationException}. Secrets are held as
 * {@link dev.inlet.core.Secret} and never reach logs, events or messages.
 */
package dev.inlet.core.auth;
