package dev.inlet.cli.internal;

import dev.inlet.declarative.DefinitionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Where a stream's incremental window starts, as its definition writes it: {@code incremental.start}
 * and {@code incremental.format}. {@code --since} does not add a second way to set the start: it
 * supplies the input that {@code start: ${input:NAME}} reads (the definition API exposes neither the
 * start nor the format, so the file is read again here, after the loader has accepted it).
 *
 * @param file the definition file
 * @param input the input the start reads, if it is exactly {@code ${input:NAME}}
 * @param start the start as written, if any
 * @param format the cursor format ({@code iso}, {@code epoch_seconds}, {@code epoch_millis})
 * @param line the line of the stream's {@code incremental:} block
 * @param column its column
 */
record IncrementalStart(Path file, Optional<String> input, Optional<String> start, String format, int line, int column) {

    private static final Pattern INPUT = Pattern.compile("\\$\\{input:([A-Za-z0-9_.-]+)}");

    /** The incremental start of a stream the loader accepted as incremental. */
    static IncrementalStart of(Path file, String stream) {
        Map<String, Located> values = new HashMap<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonParser parser = YAMLFactory.builder().build().createParser(ObjectReadContext.empty(), bytes)) {
            if (parser.nextToken() != null) {
                visit(parser, "", parser.currentTokenLocation(), values);
            }
        }
        String base = "streams." + stream + ".incremental";
        Located block = values.getOrDefault(base, new Located(null, 0, 0));
        Optional<String> start = Optional.ofNullable(values.get(base + ".start")).map(Located::text);
        Matcher m = INPUT.matcher(start.orElse(""));
        Optional<String> input = m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        String format = Optional.ofNullable(values.get(base + ".format")).map(Located::text).orElse("iso");
        return new IncrementalStart(file, input, start, format, block.line(), block.column());
    }

    /** The input to set, or the definition error saying what to write instead. */
    String requireInput(String stream) {
        return input.orElseThrow(() -> new DefinitionException(file.toString(), line, column,
                "streams." + stream + ".incremental", start.map(s -> "--since cannot replace the literal start `" + s
                        + "`").orElse("--since needs a start that reads an input, and this stream has no `start`"),
                "start: ${input:start_date} (then --since, or --input start_date=…, sets it)", null, null));
    }

    private record Located(String text, int line, int column) {
    }

    /** Records every mapping (at its key: where a person looks for it) and every scalar (at its value). */
    private static void visit(JsonParser parser, String path, TokenStreamLocation key, Map<String, Located> values) {
        TokenStreamLocation at = parser.currentTokenLocation();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            values.put(path, new Located(null, key.getLineNr(), key.getColumnNr()));
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                TokenStreamLocation nameAt = parser.currentTokenLocation();
                parser.nextToken();
                visit(parser, path.isEmpty() ? name : path + "." + name, nameAt, values);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                visit(parser, path + "[" + i++ + "]", parser.currentTokenLocation(), values);
            }
        } else if (token.isScalarValue()) {
            values.put(path, new Located(parser.getString(), at.getLineNr(), at.getColumnNr()));
        }
    }
}
