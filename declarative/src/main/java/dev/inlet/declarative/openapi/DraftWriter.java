package dev.inlet.declarative.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the draft definition's YAML: every guessed value on a line ending in {@code # guess: why}. */
final class DraftWriter {

    private static final int MAX_DESCRIPTION = 200;

    private final OpenAPI api;
    private final String source;
    private final String service;
    private final Auth.Choice auth;
    private final StringBuilder out = new StringBuilder();

    DraftWriter(OpenAPI api, String source, String service, Auth.Choice auth) {
        this.api = api;
        this.source = source;
        this.service = service;
        this.auth = auth;
    }

    String write(List<StreamDraft> streams) {
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        line("# Draft definition imported from " + oneLine(source) + " (OpenAPI " + api.getOpenapi()
                + (title == null ? "" : ", \"" + oneLine(title) + "\"") + ").");
        line("# Lines marked `guess:` were inferred from the document: confirm each against the vendor's docs.");
        line("inlet: 1");
        line("name: " + service);
        if (title != null) {
            line("description: " + quote(oneLine(title)));
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        String baseUrl = baseUrl(inputs);
        line("base_url: " + quote(baseUrl) + (baseUrl.startsWith("${") ? "  # the document names no absolute server URL"
                : "  # the document's first server"));
        for (StreamDraft s : streams) {
            s.pathInputs.forEach(p -> inputs.put(Names.slug(p).isEmpty() ? "param" : Names.slug(p),
                    "path parameter `" + p + "` of " + s.path));
            s.requiredParams.forEach((p, input) -> inputs.put(input, "required query parameter `" + p + "` of "
                    + s.path));
            s.bodyInputs.forEach(inputs::put);
        }
        if (!inputs.isEmpty()) {
            line("inputs:");
            inputs.forEach((name, why) -> line("  " + key(name) + ": {type: string}  # " + oneLine(why)));
        }
        if (auth == null) {
            line("# The document declares no security schemes: no auth.");
        } else {
            line("auth:  # guess: " + oneLine(auth.why()));
            line("  type: " + auth.type());
            auth.keys().forEach((k, v) -> line("  " + k + ": " + quote(v.startsWith("${") ? v : literal(v))));
        }
        line("streams:");
        for (StreamDraft s : streams) {
            stream(s);
        }
        return out.toString();
    }

    private void stream(StreamDraft s) {
        line("  " + key(s.name) + ":");
        if (s.summary != null && !s.summary.isBlank()) {
            line("    description: " + quote(literal(oneLine(s.summary))));
        }
        String path = s.path;
        for (String p : s.pathInputs) {
            path = path.replace("{" + p + "}", "\u0000" + (Names.slug(p).isEmpty() ? "param" : Names.slug(p)) + "\u0001");
        }
        path = literal(path).replace("\u0000", "${input:").replace("\u0001", "}");
        line("    path: " + quote(path) + "  # " + s.method + " " + oneLine(s.path));
        if (!s.method.equals("GET")) {
            line("    method: " + s.method);
        }
        if (!s.body.isEmpty()) {
            line("    body:");
            s.body.forEach((field, value) -> line("      " + key(field) + ": " + (value.value().matches("\\d+")
                    ? value.value() : quote(value.value())) + "  # guess: " + oneLine(value.why())));
        }
        if (!s.requiredParams.isEmpty()) {
            line("    params:");
            s.requiredParams.forEach((p, input) -> line("      " + key(p) + ": " + quote("${input:" + input + "}")));
        }
        if (s.records.value().isEmpty()) {
            line("    # records: the body's root  # guess: " + oneLine(s.records.why()));
        } else {
            line("    records: " + quote(s.records.value()) + "  # guess: " + oneLine(s.records.why()));
        }
        if (s.primaryKey != null) {
            line("    primary_key: " + quote(s.primaryKey.value()) + "  # guess: " + oneLine(s.primaryKey.why()));
        }
        if (s.paginatorType != null) {
            line("    paginator:  # guess: " + oneLine(s.paginatorWhy));
            line("      type: " + s.paginatorType);
            s.paginatorKeys.forEach((k, v) -> line("      " + k + ": "
                    + (v.equals("true") || v.equals("false") ? v : quote(literal(v)))));
        } else {
            line("    # paginator: none found  # " + String.join("; ", s.notes.stream().map(DraftWriter::oneLine).toList()));
        }
        if (s.cursorField != null) {
            line("    incremental:  # guess: " + oneLine(s.cursorField.why()));
            line("      cursor_field: " + quote(s.cursorField.value()));
            if (s.sinceParam != null) {
                line("      param: " + quote(literal(s.sinceParam.value())) + "  # guess: " + oneLine(s.sinceParam.why()));
            } else {
                line("      # param: no parameter found that filters by it: each run reads everything");
            }
        }
    }

    private String baseUrl(Map<String, String> inputs) {
        List<Server> servers = api.getServers();
        if (servers != null && !servers.isEmpty() && servers.get(0).getUrl() != null) {
            Server server = servers.get(0);
            String url = server.getUrl();
            if (server.getVariables() != null) {
                for (Map.Entry<String, ServerVariable> v : server.getVariables().entrySet()) {
                    if (v.getValue().getDefault() != null) {
                        url = url.replace("{" + v.getKey() + "}", v.getValue().getDefault());
                    }
                }
            }
            int query = url.indexOf('?');
            if (query >= 0) {
                url = url.substring(0, query);
            }
            url = url.replaceAll("/+$", "");
            if ((url.startsWith("https://") || url.startsWith("http://")) && !url.contains("{")) {
                return literal(url);
            }
        }
        inputs.put("base_url", "the API's base URL (http or https)");
        return "${input:base_url}";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /** Text written as is: a literal {@code ${} must not read as a placeholder. */
    private static String literal(String text) {
        return text.replace("${", "$${");
    }

    private static String oneLine(String text) {
        String s = text.replaceAll("\\s+", " ").trim();
        return s.length() > MAX_DESCRIPTION ? s.substring(0, MAX_DESCRIPTION) + "…" : s;
    }

    private static String key(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? name : quote(name);
    }

    /** A YAML double-quoted scalar (JSON string escaping is valid YAML). */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
