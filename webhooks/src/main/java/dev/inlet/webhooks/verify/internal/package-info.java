/**
 * <b>Internal</b>: the receiver's non-copying access to a request's body. Not API: used only inside
 * the webhooks module ({@code conceals} in its {@code META-INF/inlet-api.txt}), and may change in any release.
 */
package dev.inlet.webhooks.verify.internal;
