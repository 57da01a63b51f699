package dev.inlet.declarative.replica;

import dev.inlet.declarative.internal.DefinitionSpec;
import dev.inlet.declarative.internal.Node;
import dev.inlet.declarative.internal.PaginatorSpec;
import dev.inlet.declarative.internal.StreamSpec;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a catalogue entry against its vendor's OpenAPI document (a trimmed fixture under
 * {@code vendor-specs/}, parsed with swagger-parser as the importer parses documents): for each REST
 * stream, the path exists with the method, every query parameter the stream sends exists (a
 * {@code name[op]} parameter as the object parameter {@code name}), and the 200 response has an array at
 * the records pointer whose items have the primary key and cursor field, and the paging fields the
 * paginator reads; a POST list's request body has the entry's body fields and its body cursor's field. The result is the list of mismatches, each one line.
 */
final class VendorSpecs {

    /** The classpath folder of the fixtures. */
    static final String FOLDER = "vendor-specs/";

    private VendorSpecs() {
    }

    /** The fixture of a service, if there is one. */
    static Optional<OpenAPI> fixture(String service) {
        try (InputStream in = VendorSpecs.class.getClassLoader().getResourceAsStream(FOLDER + service + ".yaml")) {
            if (in == null) {
                return Optional.empty();
            }
            ParseOptions options = new ParseOptions();
            options.setResolve(false);
            return Optional.of(new OpenAPIParser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    null, options).getOpenAPI());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The streams the check covers: the top-level REST ones. */
    static List<StreamSpec> checked(DefinitionSpec spec) {
        return spec.streams().values().stream().filter(s -> s.graphql() == null && s.parent() == null).toList();
    }

    /** Every mismatch between the entry's REST streams and the document. */
    static List<String> mismatches(DefinitionSpec spec, OpenAPI api) {
        String prefix = URI.create(api.getServers().get(0).getUrl()).getPath().replaceAll("/$", "");
        String base = spec.baseUrl().toString().startsWith("http")
                ? URI.create(spec.baseUrl().toString().replace("${", "x").replace("}", "x")).getPath() : "";
        List<String> problems = new ArrayList<>();
        for (StreamSpec stream : checked(spec)) {
            String path = base.replaceAll("/$", "") + stream.path().toString();
            Optional<String> found = api.getPaths().keySet().stream().filter(p -> matches(path, prefix + p))
                    .findFirst();
            String name = stream.name();
            Operation op = found.map(p -> operation(api.getPaths().get(p), stream.method())).orElse(null);
            if (op == null) {
                problems.add(name + ": no " + stream.method() + " " + path);
                continue;
            }
            for (String param : sentParams(spec, stream)) {
                if (!hasQueryParam(op, param)) {
                    problems.add(name + ": no query parameter " + param);
                }
            }
            Schema<?> body = responseSchema(op);
            Schema<?> items = stream.records() == null ? body : at(body, stream.records());
            if (items == null || items.getItems() == null) {
                problems.add(name + ": no array at " + (stream.records() == null ? "the root" : stream.records()));
            } else {
                List<String> fields = new ArrayList<>();
                fields.add(Seed.key(stream));
                if (stream.incremental() != null) {
                    fields.add(stream.incremental().cursorField());
                }
                for (String field : fields) {
                    if (at(items.getItems(), field) == null) {
                        problems.add(name + ": records have no " + field);
                    }
                }
            }
            PaginatorSpec p = stream.paginator();
            for (String pointer : new String[] {p.pointer(), p.hasMore(), p.continueFrom()}) {
                if (pointer != null && at(body, pointer) == null) {
                    problems.add(name + ": no paging field " + pointer);
                }
            }
            if (stream.body() instanceof Node.Mapping fields) {
                Schema<?> request = requestSchema(op);
                List<String> pointers = new ArrayList<>();
                fields.entries().keySet().forEach(f -> pointers.add("/" + f.replace("~", "~0").replace("/", "~1")));
                if (p.bodyField() != null) {
                    pointers.add(p.bodyField());
                }
                for (String pointer : pointers) {
                    if (request == null || at(request, pointer) == null) {
                        problems.add(name + ": no body field " + pointer);
                    }
                }
            }
        }
        return problems;
    }

    /** The query parameters a stream sends, credentials excepted (a document declares those as security). */
    static Set<String> sentParams(DefinitionSpec spec, StreamSpec stream) {
        Set<String> names = new LinkedHashSet<>(stream.query().keySet());
        PaginatorSpec p = stream.paginator();
        if (p.param() != null && !List.of("none", "link_header", "next_url").contains(p.type())) {
            names.add(p.param());
        }
        if (p.sizeParam() != null) {
            names.add(p.sizeParam());
        }
        if (stream.incremental() != null) {
            names.add(stream.incremental().param());
        }
        if (spec.auth() != null && "query".equals(spec.auth().in())) {
            names.remove(spec.auth().name());
        }
        return names;
    }

    static boolean matches(String template, String specPath) {
        String[] a = template.replaceAll("^/|/$", "").split("/");
        String[] b = specPath.replaceAll("^/|/$", "").split("/");
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean wildcard = a[i].startsWith("${input:") && b[i].startsWith("{");
            if (!a[i].equals(b[i]) && !wildcard) {
                return false;
            }
        }
        return true;
    }

    private static Operation operation(PathItem item, String method) {
        return "POST".equals(method) ? item.getPost() : item.getGet();
    }

    private static boolean hasQueryParam(Operation op, String name) {
        String base = name.contains("[") ? name.substring(0, name.indexOf('[')) : null;
        for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
            if (!"query".equals(p.getIn())) {
                continue;
            }
            boolean object = p.getSchema() != null && "object".equals(p.getSchema().getType());
            if (p.getName().equals(name) || (base != null && object && p.getName().equals(base))) {
                return true;
            }
        }
        return false;
    }

    private static Schema<?> requestSchema(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = op.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    private static Schema<?> responseSchema(Operation op) {
        ApiResponse ok = op.getResponses() == null ? null : op.getResponses().get("200");
        if (ok == null || ok.getContent() == null) {
            return null;
        }
        MediaType json = ok.getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    /** The schema at a JSON Pointer (through object properties), or null. */
    @SuppressWarnings("rawtypes")
    static Schema<?> at(Schema<?> schema, String pointer) {
        Schema<?> at = schema;
        for (String token : pointer.substring(1).split("/")) {
            Map<String, Schema> properties = at == null || at.getProperties() == null ? Map.of()
                    : new LinkedHashMap<>(at.getProperties());
            at = properties.get(token.replace("~1", "/").replace("~0", "~"));
        }
        return at;
    }
}
