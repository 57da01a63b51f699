/**
 * OpenTelemetry traces for Inlet: {@link dev.inlet.opentelemetry.InletTracing} is an
 * {@link dev.inlet.core.InletListener} and a {@link dev.inlet.webhooks.receiver.WebhookListener} that makes a
 * span per run, per page and per HTTP attempt, and a server span per webhook delivery continuing the
 * sender's trace; its {@link dev.inlet.opentelemetry.InletTracing#propagation() propagation} interceptor
 * sends the W3C {@code traceparent} with every request. See {@code docs/observability.md}.
 */
package dev.inlet.opentelemetry;
