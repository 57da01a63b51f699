package dev.inlet.rest.decode;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.Json;
import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;
import dev.inlet.rest.internal.JsonPointers;

/**
 * Decodes a JSON body, streaming: finds the records array at the JSON Pointer, yields its elements
 * one tree at a time, and collects everything else into the envelope. Memory holds one record and
 * the envelope, however long the array.
 */
final class JsonDecoder implements BodyDecoder {

    static final JsonDecoder INSTANCE = new JsonDecoder();

    @Override
    public DecodedBody decode(InputStream body, DecodeContext context) {
        return new Reader(body, context);
    }

    private static final class Reader implements DecodedBody {
        private final DecodeContext context;
        private final List<String> path;
        private final ObjectNode envelope;
        /** Bytes of the envelope's values so far (bounded by the record limit, like one record). */
        private long envelopeBytes;
        /** The objects along the path to the records array; the innermost is on top. */
        private final Deque<ObjectNode> containers = new ArrayDeque<>();
        private JsonParser parser;
        private RecordBudget budget;
        /** Names the value being read in a limit's message (allocated once, used per record). */
        private final java.util.function.Supplier<String> pointerOf = this::pointer;
        private final java.util.function.LongSupplier offset = () -> parser.currentLocation().getByteOffset();
        /** The body's bytes kept for re-reading a record, when records are bound directly. */
        private RetainingInputStream retained;
        private int recordsDepth;
        private long lastStart = -1;
        private JsonNode lastTree;
        private JsonNode pending;
        private JsonNode lastSkipped;
        private int skipped;
        private boolean inRecords;
        private boolean done;
        private DecodingException deferred;
        /**
         * Reads each record as a tree. An {@code ObjectReader} holds its root deserializer, where
         * {@code mapper.readTree(parser)} looks it up in a concurrent map per record: a lookup that profiles
         * showed costing 3 % of the CPU once other code (listeners) made that map's key comparisons megamorphic.
         */
        private final ObjectReader trees;

        Reader(InputStream body, DecodeContext context) {
            this.context = context;
            this.trees = context.mapper().readerFor(JsonNode.class);
            this.path = JsonPointers.segments(context.recordsPointer());
            this.envelope = context.mapper().createObjectNode();
            try {
                this.budget = new RecordBudget(body, "JSON", context);
                this.retained = context.binder() == null ? null : new RetainingInputStream(budget);
                this.parser = Json.parser(context.mapper(), context.limits(), retained == null ? budget : retained);
                start();
                skip(context.skip());
            } catch (JacksonException e) {
                close();
                throw Failures.of(e, parser, "JSON", context);
            }
        }

        /** Reads up to the first record (or to the end, if the records are missing). */
        private void start() {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw Failures.emptyBody("JSON", context, parser.currentLocation().getByteOffset());
            }
            if (path.isEmpty()) {
                if (first != JsonToken.START_ARRAY) {
                    JsonNode whole = value();
                    if (whole.isObject()) {
                        envelope.setAll((ObjectNode) whole);
                    }
                    done = true;
                    deferred = notAnArray(whole, "the body");
                    return;
                }
                enterRecords();
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                JsonNode whole = value();
                throw new DecodingException("Expected a JSON object with records at " + context.recordsPointer()
                        + " from " + context.where() + ", but the body is " + kind(whole), -1,
                        context.excerpt().get(), "Use records(\"\") if the body itself is the records array", null, false);
            }
            containers.push(envelope);
            descend();
        }

        /** Walks the object tree towards the records array, keeping every other field. */
        private void descend() {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    containers.pop();
                    if (containers.isEmpty()) {
                        missing();
                        return;
                    }
                    continue;
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int level = containers.size() - 1;
                // Only path objects are ever pushed, so the stack is always a prefix of the path.
                boolean onPath = level < path.size() && name.equals(path.get(level));
                if (onPath && level == path.size() - 1) {
                    if (value == JsonToken.START_ARRAY) {
                        enterRecords();
                        return;
                    }
                    JsonNode found = envelopeValue();
                    containers.peek().set(name, found);
                    finishEnvelope();
                    if (!context.missingRecordsAsEmpty()) {
                        deferred = notAnArray(found, context.recordsPointer());
                    }
                    return;
                }
                if (onPath && value == JsonToken.START_OBJECT) {
                    containers.push(containers.peek().putObject(name));
                    continue;
                }
                containers.peek().set(name, envelopeValue());
            }
        }

        /**
         * The value at the parser as a tree, within the record budget: used for records, skipped
         * records that are kept, and envelope values alike.
         */
        private JsonNode value() {
            long start = parser.currentTokenLocation().getByteOffset();
            budget.begin(start, pointerOf);
            JsonNode value = trees.readValue(parser);
            budget.end(offset);
            return value;
        }

        /**
         * A value of the envelope (a field beside the records): within the record budget on its
         * own, and all of them together too, so that many fields each under the limit cannot add
         * up to an unbounded envelope held in memory for the whole page.
         */
        private JsonNode envelopeValue() {
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode value = value();
            long end = parser.currentLocation().getByteOffset();
            if (start >= 0 && end >= start) {
                envelopeBytes += end - start;
                long max = context.limits().maxRecordBytes();
                if (envelopeBytes > max) {
                    throw new LimitExceededException("The fields beside the records in the JSON body from "
                            + context.where() + " add up to more than maxRecordBytes ("
                            + ReadLimits.describeBytes(max) + ") at " + pointer(), "maxRecordBytes", end,
                            context.excerpt().get(), null);
                }
            }
            return value;
        }

        /** Where the parser is, as a JSON Pointer (for messages). */
        private String pointer() {
            return parser.streamReadContext().pathAsPointer().toString();
        }

        private void missing() {
            done = true;
            if (!context.missingRecordsAsEmpty()) {
                deferred = new DecodingException("No records at " + context.recordsPointer() + " in the JSON body from "
                        + context.where() + " (top-level fields: " + fieldNames(envelope) + ")", -1,
                        context.excerpt().get(), "Check the records pointer, or configure missingRecordsAsEmpty(true)"
                        + " if the API leaves the field out on empty pages", null, false);
            }
        }

        private void skip(int count) {
            for (int i = 0; i < count && inRecords; i++) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) {
                    endOfRecords(token);
                    return;
                }
                if (context.keepLastSkipped()) {
                    lastSkipped = value();
                } else {
                    parser.skipChildren();
                }
                skipped++;
            }
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            if (!inRecords) {
                return false;
            }
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) {
                    endOfRecords(token);
                    return false;
                }
                pending = retained == null ? value() : bound();
                return true;
            } catch (JacksonException e) {
                throw Failures.of(e, parser, "JSON", context);
            }
        }

        private void enterRecords() {
            inRecords = true;
            recordsDepth = parser.streamReadContext().getNestingDepth();
        }

        /**
         * The record at the parser, bound straight to the caller's type. One the reader cannot bind
         * comes back as its raw tree, re-read from the kept bytes, so mapping it fails again with the
         * reason and the rejection holds the record as received.
         */
        private JsonNode bound() {
            long start = parser.currentTokenLocation().getByteOffset();
            retained.retainFrom(start);
            lastStart = start;
            try {
                budget.begin(start, pointerOf);
                Object value = context.binder().readValue(parser);
                budget.end(offset);
                return value == null ? context.mapper().nullNode() : new POJONode(value);
            } catch (DatabindException unbindable) {
                while (parser.streamReadContext().getNestingDepth() > recordsDepth) {
                    if (parser.nextToken() == null) {
                        throw new DecodingException("Truncated JSON body from " + context.where()
                                + ": it ended inside a record", parser.currentLocation().getByteOffset(),
                                context.excerpt().get(), "A retry may get a complete body", unbindable);
                    }
                }
                byte[] raw = retained.bytes(start, parser.currentLocation().getByteOffset());
                return context.mapper().readTree(raw);
            }
        }

        private void endOfRecords(JsonToken token) {
            inRecords = false;
            if (retained != null && lastStart >= 0 && context.keepLastSkipped() && token != null) {
                byte[] raw = retained.bytes(lastStart, parser.currentTokenLocation().getByteOffset());
                lastTree = raw == null ? null : context.mapper().readTree(raw);
            }
            if (token == null) {
                throw new DecodingException("Truncated JSON body from " + context.where()
                        + ": it ended inside the records array", parser.currentLocation().getByteOffset(),
                        context.excerpt().get(), "A retry may get a complete body", null);
            }
            finishEnvelope();
        }

        /** Reads the fields after the records array into the envelope, up to the end of the body. */
        private void finishEnvelope() {
            while (!containers.isEmpty()) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new DecodingException("Truncated JSON body from " + context.where()
                            + ": it ended before the closing brace", parser.currentLocation().getByteOffset(),
                            context.excerpt().get(), "A retry may get a complete body", null);
                }
                if (token == JsonToken.END_OBJECT) {
                    containers.pop();
                    continue;
                }
                String name = parser.currentName();
                parser.nextToken();
                containers.peek().set(name, envelopeValue());
            }
            done = true;
        }

        @Override
        public JsonNode next() {
            JsonNode record = pending;
            if (record == null) {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more records in the body from " + context.where());
                }
                record = pending;
            }
            pending = null;
            return record;
        }

        @Override
        public JsonNode envelope() {
            return envelope;
        }

        @Override
        public JsonNode lastSkipped() {
            return lastSkipped;
        }

        @Override
        public int skipped() {
            return skipped;
        }

        @Override
        public java.util.Optional<JsonNode> lastRecordTree() {
            return java.util.Optional.ofNullable(lastTree);
        }

        @Override
        public java.util.Optional<DecodingException> deferredFailure() {
            return java.util.Optional.ofNullable(deferred);
        }

        @Override
        public void close() {
            if (parser != null) {
                parser.close();
            }
        }

        private DecodingException notAnArray(JsonNode found, String where) {
            return new DecodingException("Expected an array of records at " + where + " in the JSON body from "
                    + context.where() + ", but found " + kind(found), -1, context.excerpt().get(),
                    found.isObject() ? "Point records(...) at the array inside it (fields: " + fieldNames(found) + ")"
                            : "Check the records pointer", null, false);
        }

        private static String kind(JsonNode node) {
            return node.isObject() ? "an object" : node.isNull() ? "null" : node.isArray() ? "an array"
                    : "a " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }

        private static String fieldNames(JsonNode node) {
            StringBuilder out = new StringBuilder();
            for (String name : node.propertyNames()) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                if (out.length() > 120) {
                    return out.append("…").toString();
                }
                out.append(name);
            }
            return out.length() == 0 ? "none" : out.toString();
        }
    }
}
