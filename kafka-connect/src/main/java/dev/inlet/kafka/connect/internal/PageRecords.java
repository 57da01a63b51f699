package dev.inlet.kafka.connect.internal;

import dev.inlet.core.Json;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal</b>: the Connect records of one page. Every record carries the page's own position as
 * its offset except the last, which carries the next page's (or, on the last page, "done"), so a
 * stream's committed offset moves only when a whole page is in Kafka and a crash re-reads at most
 * one page. A page without records still moves the offset through one heartbeat record. Invalid
 * records (rejected by the connector's validation, or not fitting the stream's schema) go to the
 * dead-letter topic with headers saying why; without one they fail the task.
 */
public final class PageRecords {

    /** Header names on every record. */
    public static final String STREAM_HEADER = "inlet.stream";
    /** The tenant header. */
    public static final String TENANT_HEADER = "inlet.tenant";
    /** On dead-letter records: why the record was rejected. */
    public static final String ERROR_HEADER = "inlet.error";

    private final SourceConfig config;

    /** Records for a task with this configuration. */
    public PageRecords(SourceConfig config) {
        this.config = config;
    }

    /**
     * The records of a page read at a cursor's position.
     *
     * @param endOffset the offset the last record carries (the next page's, or done)
     * @throws ConnectException if a record is invalid and no dead-letter topic is configured
     */
    public List<SourceRecord> of(StreamCursor cursor, Page<JsonNode> page, Map<String, Object> endOffset) {
        Position at = page.position();
        Map<String, Object> startOffset = SourceOffsets.at(at);
        String topic = config.topic(cursor.item().stream(), cursor.item().tenant());
        List<Draft> drafts = new ArrayList<>();
        for (JsonNode record : page.records()) {
            try {
                SchemaAndValue value = cursor.converter().convert(record);
                drafts.add(new Draft(topic, key(cursor, record), value.schema(), value.value(), null));
            } catch (RecordConversionException e) {
                drafts.add(deadLetter(cursor, at, record, e.getMessage()));
            }
        }
        for (Rejection rejection : page.rejections()) {
            String why = rejection.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
            drafts.add(deadLetter(cursor, at, rejection.record(), why));
        }
        if (drafts.isEmpty()) {
            String heartbeat = Json.mapper().writeValueAsString(Map.of("stream", cursor.item().stream(),
                    "tenant", cursor.item().tenant(), "position", endOffset.get(SourceOffsets.POSITION)));
            drafts.add(new Draft(config.getString(SourceConfig.HEARTBEAT_TOPIC), cursor.item().tenant(),
                    Schema.STRING_SCHEMA, heartbeat, null));
        }
        List<SourceRecord> records = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            ConnectHeaders headers = new ConnectHeaders();
            headers.addString(STREAM_HEADER, cursor.item().stream());
            headers.addString(TENANT_HEADER, cursor.item().tenant());
            if (d.error() != null) {
                headers.addString(ERROR_HEADER, d.error());
            }
            records.add(new SourceRecord(cursor.partition(), i == drafts.size() - 1 ? endOffset : startOffset,
                    d.topic(), null, d.key() == null ? null : Schema.OPTIONAL_STRING_SCHEMA, d.key(), d.schema(),
                    d.value(), null, headers));
        }
        return records;
    }

    private Draft deadLetter(StreamCursor cursor, Position at, JsonNode record, String why) {
        String topic = config.getString(SourceConfig.DEAD_LETTER_TOPIC);
        if (topic.isEmpty()) {
            throw new ConnectException("An invalid record in " + cursor + " (" + at.describe() + "): " + why
                    + ". Set " + SourceConfig.DEAD_LETTER_TOPIC + " to send invalid records to a dead-letter topic "
                    + "instead of failing the task");
        }
        return new Draft(topic, key(cursor, record), Schema.STRING_SCHEMA, Json.mapper().writeValueAsString(record),
                why);
    }

    private static String key(StreamCursor cursor, JsonNode record) {
        return cursor.source().keyPointer().map(pointer -> {
            JsonNode key = record.at(pointer);
            if (key.isMissingNode() || key.isNull()) {
                return null;
            }
            return key.isValueNode() ? key.asString() : Json.mapper().writeValueAsString(key);
        }).orElse(null);
    }

    private record Draft(String topic, String key, Schema schema, Object value, String error) {
    }
}
