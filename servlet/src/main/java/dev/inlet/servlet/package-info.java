/**
 * Serves an Inlet {@link dev.inlet.webhooks.receiver.WebhookReceiver} from any Jakarta Servlet 6 container
 * (Jetty 12, Tomcat 11, …): {@link dev.inlet.servlet.WebhookServlet} reads each body raw and
 * without blocking a container thread, up to the endpoint's limit, and hands it to the receiver's
 * framework-neutral {@code handle(path, request)}; {@link dev.inlet.servlet.ServletWebhookHandler} is
 * the same logic for frameworks that own the servlet (Spring MVC).
 */
package dev.inlet.servlet;
