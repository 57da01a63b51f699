package dev.inlet.rest.decode;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * CSV with a header row, one record per line, streamed. Its own class so that jackson-dataformat-csv (an
 * optional dependency) is loaded only when a CSV body arrives; {@link Decoders} checks it is there first.
 */
final class CsvDecoder {

    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final CsvSchema WITH_HEADER = CsvSchema.emptySchema().withHeader();

    static final BodyDecoder INSTANCE = new SequenceDecoder("CSV",
            in -> CSV.readerFor(JsonNode.class).with(WITH_HEADER).createParser(in),
            parser -> CSV.readTree(parser));

    private CsvDecoder() {
    }
}
