package dev.inlet.declarative.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>Internal.</b> Reads and checks a whole definition: the version, every section and key, shared
 * blocks, and every placeholder (its kind, its input declared, a secret input only where a secret goes,
 * a parent reference only in a substream). Anything wrong is a {@link DefinitionProblem} at its line.
 */
public final class DefinitionParser {

    /** The format versions this loader reads. */
    public static final int VERSION = 1;

    private static final String[] KEYS = {"inlet", "name", "description", "base_url", "inputs", "auth",
            "rate_limit", "retry", "headers", "params", "paginators", "streams", "metrics", "webhooks"};

    private DefinitionParser() {
    }

    /** Reads a definition from a stream (closed afterwards). */
    public static DefinitionSpec parse(InputStream in, String file) {
        return parse(YamlReader.read(in, file), file);
    }

    static DefinitionSpec parse(Node root, String file) {
        Section s = Section.of(root, "the definition", KEYS);
        Node version = s.require("inlet");
        if (!(version instanceof Node.Scalar scalar) || !String.valueOf(VERSION).equals(scalar.text())
                || scalar.kind() != Node.Scalar.Kind.INTEGER) {
            throw Errors.at(version, "unsupported format version " + describe(version), "inlet: " + VERSION);
        }
        String name = s.word("name");
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw Errors.at(s.get("name"), "`" + name + "` is not a valid service name",
                    "lower-case letters, digits, `_` and `-`");
        }
        Template baseUrl = s.text("base_url");
        if (baseUrl.isLiteral() && !baseUrl.literalText().matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw Errors.at(s.get("base_url"), "`" + baseUrl + "` is not an http(s) URL without query",
                    "e.g. https://api.example.com");
        }
        Map<String, InputSpec> inputs = readInputs(s.get("inputs"));
        AuthSpec auth = s.has("auth") ? AuthSpec.read(s.get("auth")) : null;
        RateLimitSpec rateLimit = s.has("rate_limit") ? RateLimitSpec.read(s.get("rate_limit")) : null;
        RetrySpec retry = s.has("retry") ? RetrySpec.read(s.get("retry")) : null;
        Node.Mapping paginators = s.has("paginators") ? Section.names(s.get("paginators"), "paginators") : null;
        if (paginators != null) {
            for (Node block : paginators.entries().values()) {
                PaginatorSpec.read(block, null);
            }
        }
        ParseContext context = new ParseContext(StreamSpec.map(s.get("params"), "params"),
                StreamSpec.map(s.get("headers"), "headers"), paginators);
        Node.Mapping streamNodes = Section.names(s.require("streams"), "streams");
        if (streamNodes.entries().isEmpty()) {
            throw Errors.at(streamNodes, "no streams", "at least one stream");
        }
        Map<String, StreamSpec> streams = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : streamNodes.entries().entrySet()) {
            streams.put(entry.getKey(), StreamSpec.read(entry.getKey(), entry.getValue(), context));
        }
        checkParents(streams);
        List<MetricSpec> metrics = new ArrayList<>();
        if (s.has("metrics")) {
            for (Map.Entry<String, Node> entry : Section.names(s.get("metrics"), "metrics").entries().entrySet()) {
                metrics.add(MetricSpec.read(entry.getKey(), entry.getValue(), streams));
            }
        }
        WebhooksSpec webhooks = s.has("webhooks") ? WebhooksSpec.read(s.get("webhooks"), streams.keySet()) : null;
        DefinitionSpec spec = new DefinitionSpec(file, name, s.word("description", null), baseUrl,
                Collections.unmodifiableMap(inputs), auth, rateLimit, retry, Collections.unmodifiableMap(streams),
                List.copyOf(metrics), webhooks);
        Placeholders.check(spec);
        return spec;
    }

    private static String describe(Node node) {
        return node instanceof Node.Scalar scalar ? "`" + scalar.text() + "`" : node.describe();
    }

    private static Map<String, InputSpec> readInputs(Node node) {
        Map<String, InputSpec> inputs = new LinkedHashMap<>();
        if (node == null) {
            return inputs;
        }
        for (Map.Entry<String, Node> entry : Section.names(node, "inputs").entries().entrySet()) {
            Section s = Section.of(entry.getValue(), "input `" + entry.getKey() + "`", "type", "required", "default",
                    "description");
            String typeName = s.choice("type", "string", ValueType.NAMES);
            ValueType type = ValueType.parse(typeName);
            String defaultValue = s.word("default", null);
            if (defaultValue != null && type == ValueType.SECRET) {
                throw Errors.at(s.get("default"), "a secret input has no default (a literal secret)",
                        "no default; pass the secret when binding");
            }
            if (defaultValue != null && !type.accepts(defaultValue)) {
                throw Errors.at(s.get("default"), "default `" + defaultValue + "` is not of type " + typeName,
                        "a " + typeName);
            }
            boolean required = s.bool("required", defaultValue == null);
            inputs.put(entry.getKey(), new InputSpec(entry.getKey(), type, required, defaultValue,
                    s.word("description", null), entry.getValue()));
        }
        return inputs;
    }

    private static void checkParents(Map<String, StreamSpec> streams) {
        for (StreamSpec stream : streams.values()) {
            if (stream.parent() == null) {
                continue;
            }
            String parentName = stream.parent().stream();
            StreamSpec parent = streams.get(parentName);
            Node at = stream.parent().node();
            if (parent == null || parentName.equals(stream.name())) {
                List<String> others = streams.keySet().stream().filter(n -> !n.equals(stream.name())).toList();
                throw Errors.at(at, "no parent stream `" + parentName + "`", "one of " + String.join(", ", others),
                        Suggestions.nearest(parentName, others));
            }
            if (parent.parent() != null) {
                throw Errors.at(at, "parent `" + parentName + "` is itself a substream",
                        "a parent that is a top-level stream (one level of nesting)");
            }
            if (stream.incremental() != null) {
                throw Errors.at(stream.incremental().node(), "a substream cannot be incremental",
                        "incremental on the parent stream");
            }
        }
    }
}
