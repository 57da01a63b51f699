package dev.inlet.declarative.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * <b>Internal.</b> Reads a YAML or JSON definition (JSON is YAML 1.2) through Jackson's streaming YAML
 * parser into a {@link Node} tree that keeps every value's line and column. YAML anchors and aliases are
 * refused (shared blocks are written with {@code use:}, which errors can point at), as are duplicate keys
 * and documents over {@link #MAX_BYTES}.
 */
public final class YamlReader {

    /** The largest definition file read: 4 MiB (the largest catalogue entry is a few KiB). */
    public static final int MAX_BYTES = 4 << 20;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(1 << 20).maxDocumentLength(MAX_BYTES).build())
            .build();

    private final String file;

    private YamlReader(String file) {
        this.file = file;
    }

    /** Parses a whole document; the stream is read to its end (at most {@link #MAX_BYTES}) and closed. */
    public static Node read(InputStream in, String file) {
        byte[] bytes;
        try (in) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw Errors.file(file, "cannot read the file: " + e.getMessage(), null, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw Errors.file(file, "the file is larger than " + MAX_BYTES + " bytes", "a definition of at most 4 MiB",
                    null);
        }
        return new YamlReader(file).parse(bytes);
    }

    private Node parse(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), bytes)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw Errors.at(new Location(file, 1, 1), "", "the file is empty", "a mapping with `inlet: 1`", null);
            }
            Node root = value(parser, "");
            if (parser.nextToken() != null) {
                Location at = location(parser.currentTokenLocation());
                throw Errors.at(at, "",
                        "more than one document in the file", "one YAML document", null);
            }
            return root;
        } catch (JacksonException e) {
            Location at = location(e.getLocation());
            throw new DefinitionProblem(at, "", "not valid YAML or JSON: " + firstLine(e.getOriginalMessage()), null,
                    null, e);
        }
    }

    private Node value(JsonParser parser, String path) {
        JsonToken token = parser.currentToken();
        Location at = location(parser.currentTokenLocation());
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw Errors.at(at, path, "YAML aliases (*name) are not supported",
                    "the value written out, or a shared block referenced with `use:`", null);
        }
        switch (token) {
            case START_OBJECT: {
                LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
                LinkedHashMap<String, Location> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(parser.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw Errors.at(keyAt, childPath,
                                "duplicate key `" + key + "` (first at line " + keys.get(key).line() + ")",
                                "each key once", null);
                    }
                    parser.nextToken();
                    keys.put(key, keyAt);
                    entries.put(key, value(parser, childPath));
                }
                return new Node.Mapping(at, path, entries, keys);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, path + "[" + items.size() + "]"));
                }
                return new Node.Sequence(at, path, items);
            }
            case VALUE_STRING:
                return new Node.Scalar(at, path, Node.Scalar.Kind.STRING, parser.getString());
            case VALUE_NUMBER_INT:
                return new Node.Scalar(at, path, Node.Scalar.Kind.INTEGER, parser.getString());
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(at, path, Node.Scalar.Kind.DECIMAL, parser.getString());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(at, path, Node.Scalar.Kind.BOOLEAN, parser.getString());
            case VALUE_NULL:
                return new Node.Scalar(at, path, Node.Scalar.Kind.NULL, null);
            default:
                throw Errors.at(at, path, "unexpected " + token,
                        "a mapping, a list or a scalar", null);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private Location location(TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA) {
            return new Location(file, 0, 0);
        }
        return new Location(file, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }
}
