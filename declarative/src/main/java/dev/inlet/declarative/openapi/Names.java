package dev.inlet.declarative.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Definition and stream names derived from a document. */
final class Names {

    private Names() {
    }

    static String service(OpenAPI api, String sourceName) {
        String title = api.getInfo() != null && api.getInfo().getTitle() != null ? api.getInfo().getTitle() : sourceName;
        String slug = slug(title).replace('_', '-');
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "api" : slug;
    }

    /** A stream name from the path's literal segments (the last one, more if taken), else the operationId. */
    static String stream(String path, String operationId, Set<String> taken) {
        List<String> literals = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                String s = slug(segment);
                if (!s.isEmpty() && !s.matches("v\\d+(_\\d+)*|api")) {
                    literals.add(s);
                }
            }
        }
        String name = null;
        for (int n = 1; n <= literals.size(); n++) {
            String candidate = String.join("_", literals.subList(literals.size() - n, literals.size()));
            if (!taken.contains(candidate)) {
                name = candidate;
                break;
            }
        }
        if (name == null && operationId != null && !slug(operationId).isEmpty() && !taken.contains(slug(operationId))) {
            name = slug(operationId);
        }
        if (name == null) {
            String base = literals.isEmpty() ? "stream" : String.join("_", literals);
            int i = 2;
            while (taken.contains(base + "_" + i)) {
                i++;
            }
            name = base + "_" + i;
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "s_" + name;
        }
        taken.add(name);
        return name;
    }

    static String slug(String text) {
        String snake = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return snake.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
