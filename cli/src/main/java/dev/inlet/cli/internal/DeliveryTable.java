package dev.inlet.cli.internal;

import dev.inlet.core.Connector;
import dev.inlet.core.Headers;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import dev.inlet.jdbc.DriverDataSource;
import dev.inlet.jdbc.JdbcException;
import dev.inlet.jdbc.JdbcSink;
import dev.inlet.jdbc.SchemaContract;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code webhooks serve --into JDBC-URL}: each verified delivery (the NDJSON line's object) becomes a row
 * through inlet-jdbc's {@link JdbcSink}, upserted by {@code id}, so a delivery the sender repeats after a
 * restart (when the receiver's in-memory deduplication has forgotten it) replaces its row. Each delivery is
 * written as a one-page run in its own transaction, on the receiver's single handler worker; a failed write
 * makes the receiver retry the handler, then dead-letter the event (a line on stderr).
 */
final class DeliveryTable implements Consumer<ObjectNode> {

    private final JdbcSink sink;
    private final String name;
    private final String url;

    DeliveryTable(String url, String table) {
        this.url = url;
        this.name = "webhooks:" + table;
        this.sink = redacting(url, () -> JdbcSink.builder(DriverDataSource.of(url), table).primaryKey("id")
                .createTable(true).schemaContract(SchemaContract.EVOLVE).build());
    }

    @Override
    public void accept(ObjectNode delivery) {
        if (delivery.get("id").isNull()) {
            // A scheme without delivery ids: the body's digest keys the row, so a resent body replaces it.
            delivery.put("id", "sha256:" + sha256(delivery.get("payload").toString()));
        }
        redacting(url, () -> sink.write(name, since -> Connector.builder(name, position -> page(delivery, position))
                .build()));
    }

    private static OpenPage page(JsonNode record, Position position) {
        Iterator<JsonNode> records = List.of(record).iterator();
        ResponseInfo response = new ResponseInfo("POST", URI.create("webhook:" + record.get("endpoint").asString()),
                200, Headers.empty(), Instant.parse(record.get("received_at").asString()), Duration.ZERO);
        return new OpenPage() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public JsonNode next() {
                return records.next();
            }

            @Override
            public Position position() {
                return position;
            }

            @Override
            public ResponseInfo response() {
                return response;
            }

            @Override
            public Optional<Position> nextPosition() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Runs a database call; a driver message repeating the URL (password and all) is cut to its redacted form. */
    static <T> T redacting(String url, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().contains(url)) {
                throw new JdbcException(e.getMessage().replace(url, IntoOption.redact(url)), null, null);
            }
            throw e;
        }
    }
}
