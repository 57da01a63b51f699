/**
 * Webhook signature verification, an embedded receiver and a durable inbox.
 *
 * <p>Not built yet: this module is a placeholder until its issue lands.
 */
package dev.inlet.webhooks;
