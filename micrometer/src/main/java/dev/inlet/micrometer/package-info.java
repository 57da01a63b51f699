/**
 * Micrometer metrics for Inlet: {@link dev.inlet.micrometer.InletMetrics} is an
 * {@link dev.inlet.core.InletListener} and a {@link dev.inlet.webhooks.receiver.WebhookListener} that records
 * request timers, retries, rate-limit waits, pages, records and rejections per run, and webhook
 * deliveries, queue depth and handler lag, with bounded tag values. See {@code docs/observability.md}.
 */
package dev.inlet.micrometer;
