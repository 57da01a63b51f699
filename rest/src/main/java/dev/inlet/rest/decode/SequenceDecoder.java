package dev.inlet.rest.decode;

import java.io.InputStream;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes bodies that are a sequence of top-level values, each one record: NDJSON (a JSON value per
 * line) and CSV (a row per record, as Jackson's CSV parser presents it). There is no envelope.
 */
final class SequenceDecoder implements BodyDecoder {

    private final String format;
    private final BiFunction<InputStream, DecodeContext, JsonParser> parsers;
    private final Function<JsonParser, JsonNode> trees;

    /**
     * A decoder.
     *
     * @param format the format's name, for messages
     * @param parsers opens a parser over a body, with the context's limits
     * @param trees reads one value from that parser as a tree
     */
    SequenceDecoder(String format, BiFunction<InputStream, DecodeContext, JsonParser> parsers,
            Function<JsonParser, JsonNode> trees) {
        this.format = format;
        this.parsers = parsers;
        this.trees = trees;
    }

    @Override
    public DecodedBody decode(InputStream body, DecodeContext context) {
        return new Reader(body, context);
    }

    private final class Reader implements DecodedBody {
        private final DecodeContext context;
        private final ObjectNode envelope;
        private JsonParser parser;
        private RecordBudget budget;
        /** Names the line being read in a limit's message (allocated once, used per record). */
        private final java.util.function.Supplier<String> lineOf = this::where;
        private final java.util.function.LongSupplier offset = () -> parser.currentLocation().getByteOffset();
        private JsonNode pending;
        private JsonNode lastSkipped;
        private int skipped;
        private boolean done;

        Reader(InputStream body, DecodeContext context) {
            this.context = context;
            this.envelope = context.mapper().createObjectNode();
            try {
                this.budget = new RecordBudget(body, format, context);
                this.parser = parsers.apply(budget, context);
                while (skipped < context.skip() && read()) {
                    lastSkipped = context.keepLastSkipped() ? pending : null;
                    pending = null;
                    skipped++;
                }
            } catch (JacksonException e) {
                close();
                throw Failures.of(e, parser, format, context);
            }
        }

        /** Reads the next top-level value into {@code pending}; false at the end. */
        private boolean read() {
            JsonToken token = parser.nextToken();
            if (token == null) {
                done = true;
                return false;
            }
            // Each line or row is one value: the budget bounds it before it is built.
            long start = parser.currentTokenLocation().getByteOffset();
            budget.begin(start, lineOf);
            pending = trees.apply(parser);
            budget.end(offset);
            return true;
        }

        /** The line being read, for messages; empty if the parser does not know. */
        private String where() {
            int line = parser.currentLocation().getLineNr();
            return line > 0 ? "line " + line : "";
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            if (done) {
                return false;
            }
            try {
                return read();
            } catch (JacksonException e) {
                throw Failures.of(e, parser, format, context);
            }
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more records in the body from " + context.where());
            }
            JsonNode record = pending;
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
        public void close() {
            if (parser != null) {
                parser.close();
            }
        }
    }
}
