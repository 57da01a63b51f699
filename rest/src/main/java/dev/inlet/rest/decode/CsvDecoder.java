package dev.inlet.rest.decode;

import dev.inlet.core.ReadLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * CSV with a header row, one record per line, streamed, within the response's {@link ReadLimits}.
 * Its own class so that jackson-dataformat-csv (an optional dependency) is loaded only when a CSV
 * body arrives; {@link Decoders} checks it is there first.
 */
final class CsvDecoder {

    private static final CsvSchema WITH_HEADER = CsvSchema.emptySchema().withHeader();
    /** A CSV mapper per set of limits (the parser constraints live in its factory); few sets exist. */
    private static final Map<ReadLimits, CsvMapper> MAPPERS = new ConcurrentHashMap<>();

    static final BodyDecoder INSTANCE = new SequenceDecoder("CSV",
            (in, context) -> csv(context.limits()).readerFor(JsonNode.class).with(WITH_HEADER).createParser(in),
            parser -> csv(ReadLimits.defaults()).readTree(parser));

    private CsvDecoder() {
    }

    static CsvMapper csv(ReadLimits limits) {
        return MAPPERS.computeIfAbsent(limits, l -> CsvMapper.builder(CsvFactory.builder()
                        .streamReadConstraints(l.streamReadConstraints()).build())
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build());
    }
}
