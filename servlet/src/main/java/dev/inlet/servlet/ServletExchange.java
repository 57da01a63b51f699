package dev.inlet.servlet;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Enumeration;

/** How a servlet request maps onto a webhook request, and a webhook response onto a servlet response. */
final class ServletExchange {

    private ServletExchange() {
    }

    /** The path inside the application, raw (not decoded), as endpoints are registered: the context path removed. */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The URL the sender called: the endpoint's public URL when set (HubSpot signs the URL, and a proxy
     * changes what the container sees), otherwise the container's view; the query as received.
     */
    static String url(HttpServletRequest request, WebhookEndpoint endpoint) {
        String query = request.getQueryString();
        String base = endpoint == null || endpoint.publicUrl().isEmpty()
                ? request.getRequestURL().toString()
                : endpoint.publicUrl().get().toString();
        return query == null ? base : base + '?' + query;
    }

    /** Every header value, in the order the container gives them. */
    static Headers headers(HttpServletRequest request) {
        Headers.Builder headers = Headers.builder();
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                headers.add(name, values.nextElement());
            }
        }
        return headers.build();
    }

    /** Copies status, headers and the plain-text reason; a 2xx goes out without a body. */
    static void write(HttpServletResponse response, WebhookResponse answer) throws IOException {
        response.setStatus(answer.status());
        byte[] body = answer.isSuccess() ? new byte[0] : answer.bodyBytes();
        answer.headers().forEach((name, value) -> {
            if (body.length > 0 || !name.equalsIgnoreCase("Content-Type")) {
                response.addHeader(name, value);
            }
        });
        response.setContentLength(body.length);
        if (body.length > 0) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        }
    }

    /** A plain-text answer the receiver does not make (a body that did not arrive in time). */
    static void writePlain(HttpServletResponse response, int status, String text) throws IOException {
        response.setHeader("Connection", "close");
        writeText(response, status, text);
    }

    /** 503 with {@code Retry-After}, the connection kept: the sender should deliver again later. */
    static void writeRetryLater(HttpServletResponse response, Duration retryAfter, String text) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        writeText(response, 503, text);
    }

    private static void writeText(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
