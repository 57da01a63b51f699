package dev.inlet.webhooks.internal;

import dev.inlet.core.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** <b>Internal</b> (not API; see the package).
 * A response of {@link HttpLoop}: status, headers (a {@code Content-Length} is added) and body. */
public record HttpReply(int status, Headers headers, byte[] body) {

    /** The response bytes, with {@code Content-Length} and, if {@code close}, {@code Connection: close}. */
    ByteBuffer encode(boolean close) {
        HttpReply r = this;
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + r.body().length);
        StringBuilder head = new StringBuilder(128).append("HTTP/1.1 ").append(r.status()).append(' ')
                .append(reason(r.status())).append("\r\n");
        r.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("Content-Length: ").append(r.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(r.body());
        return ByteBuffer.wrap(out.toByteArray());
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

}
