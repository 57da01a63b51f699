package dev.inlet.rest.decode;

import dev.inlet.core.error.DecodingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import dev.inlet.rest.internal.JsonPointers;

/**
 * Decodes an XML body into a tree (Jackson XML), then selects the records by JSON Pointer over
 * that tree: {@code <orders><order>…</order><order>…</order></orders>} has its records at
 * {@code /order}. A single repeated element is presented as an object, so an object at the pointer
 * is one record. DTDs and external entities are refused (no XXE), so a hostile body cannot read
 * local files or reach the network. The body is read whole (XML APIs page in small pages), up to
 * {@link ReadLimits#maxRecordBytes()}.
 */
final class XmlDecoder implements BodyDecoder {

    static final XmlDecoder INSTANCE = new XmlDecoder();

    /** An XML mapper per set of limits (the parser constraints live in its factory); few sets exist. */
    private static final Map<ReadLimits, XmlMapper> MAPPERS = new ConcurrentHashMap<>();

    private static XmlMapper xml(ReadLimits limits) {
        return MAPPERS.computeIfAbsent(limits, l -> XmlMapper.builder(XmlFactory.builder()
                .xmlInputFactory(safeInputFactory()).streamReadConstraints(l.streamReadConstraints()).build()).build());
    }

    private static XMLInputFactory safeInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    @Override
    public DecodedBody decode(InputStream body, DecodeContext context) {
        JsonNode tree;
        try {
            byte[] bytes = readBounded(body, context);
            if (bytes.length == 0 || new String(bytes, 0, Math.min(bytes.length, 64),
                    java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                throw Failures.emptyBody("XML", context);
            }
            tree = xml(context.limits()).readTree(bytes);
        } catch (IOException e) {
            throw new dev.inlet.core.error.TransportException(context.where()
                    + ": the connection failed while reading the body: " + e.getMessage(), false, e);
        } catch (JacksonException e) {
            throw Failures.of(e, null, "XML", context);
        }
        JsonNode found = context.recordsPointer().isEmpty() ? tree : tree.at(context.recordsPointer());
        ArrayNode records = context.mapper().createArrayNode();
        if (found.isArray()) {
            records.addAll((ArrayNode) found);
        } else if (found.isObject()) {
            records.add(found);
        }
        DecodingException missing = found.isArray() || found.isObject() || context.missingRecordsAsEmpty() ? null
                : new DecodingException("No records at " + context.recordsPointer() + " in the XML body from "
                        + context.where(), -1, context.excerpt().get(),
                        "Point records(...) at the repeated element, e.g. /order for <orders><order/></orders>", null,
                        false);
        ObjectNode envelope = tree.isObject() ? ((ObjectNode) tree).deepCopy() : context.mapper().createObjectNode();
        List<String> path = JsonPointers.segments(context.recordsPointer());
        if (!path.isEmpty()) {
            JsonNode parent = path.size() == 1 ? envelope : envelope.at(context.recordsPointer()
                    .substring(0, context.recordsPointer().lastIndexOf('/')));
            if (parent instanceof ObjectNode parentObject) {
                parentObject.remove(path.get(path.size() - 1));
            }
        }
        return new TreeBody(records, envelope, context, missing);
    }

    /** The whole body, which may not be larger than {@link ReadLimits#maxRecordBytes()}: it is held at once. */
    private static byte[] readBounded(InputStream body, DecodeContext context) throws IOException {
        long max = context.limits().maxRecordBytes();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new LimitExceededException("The XML body from " + context.where() + " is larger than maxRecordBytes ("
                    + ReadLimits.describeBytes(max) + "); XML bodies are read whole", "maxRecordBytes", bytes.length,
                    context.excerpt().get(), null);
        }
        return bytes;
    }

    /** Records already in memory, skipping those delivered before. */
    private static final class TreeBody implements DecodedBody {
        private final Iterator<JsonNode> records;
        private final JsonNode envelope;
        private JsonNode lastSkipped;
        private int skipped;
        private final DecodingException missing;

        TreeBody(ArrayNode all, JsonNode envelope, DecodeContext context, DecodingException missing) {
            this.records = all.values().iterator();
            this.envelope = envelope;
            this.missing = missing;
            while (skipped < context.skip() && records.hasNext()) {
                lastSkipped = records.next();
                skipped++;
            }
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public JsonNode next() {
            if (!records.hasNext()) {
                throw new NoSuchElementException("no more records in the XML body");
            }
            return records.next();
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
        public java.util.Optional<DecodingException> deferredFailure() {
            return java.util.Optional.ofNullable(missing);
        }

        @Override
        public void close() {
        }
    }
}
