package dev.inlet.core.validation;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to one record without touching the input: only the objects and arrays on the path to a
 * changed field are copied (shallowly), everything else is shared. A record that needs no change is
 * never copied. Used once per record, by one thread.
 */
final class RecordCopy {

    private final JsonNode original;
    private JsonNode root;
    /** Containers created by this copy: safe to change in place. Few, so a list searched by identity. */
    private final List<JsonNode> owned = new ArrayList<>(4);

    RecordCopy(JsonNode original) {
        this.original = original;
        this.root = original;
    }

    /** The record with every change so far; the input itself if nothing changed. */
    JsonNode result() {
        return root;
    }

    /** Whether any change was made. */
    boolean changed() {
        return root != original;
    }

    /**
     * Sets the value at a path whose parent exists (an object, or an array holding the index).
     *
     * @return false, changing nothing, if the parent is missing or cannot hold the field
     */
    boolean set(FieldPath path, JsonNode value) {
        List<String> segments = path.segments();
        if (segments.isEmpty()) {
            return false;
        }
        // Walk down first, without copying, to be sure the change is possible.
        JsonNode parent = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i));
            if (parent == null) {
                return false;
            }
        }
        String last = segments.get(segments.size() - 1);
        if (!(parent.isObject() || parent.isArray() && index(parent, last) >= 0)) {
            return false;
        }
        root = own(root);
        JsonNode container = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            String segment = segments.get(i);
            JsonNode next = own(child(container, segment));
            put(container, segment, next);
            container = next;
        }
        put(container, last, value);
        return true;
    }

    private JsonNode own(JsonNode container) {
        for (JsonNode mine : owned) {
            if (mine == container) {
                return container;
            }
        }
        JsonNode copy;
        if (container instanceof ObjectNode object) {
            copy = JsonNodeFactory.instance.objectNode().setAll(object);
        } else {
            ArrayNode array = (ArrayNode) container;
            copy = JsonNodeFactory.instance.arrayNode(array.size()).addAll(array);
        }
        owned.add(copy);
        return copy;
    }

    private static JsonNode child(JsonNode container, String segment) {
        if (container.isObject()) {
            return container.get(segment);
        }
        if (container.isArray()) {
            int index = index(container, segment);
            return index < 0 ? null : container.get(index);
        }
        return null;
    }

    private static void put(JsonNode container, String segment, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.set(segment, value);
        } else {
            ((ArrayNode) container).set(index(container, segment), value);
        }
    }

    /** The array index a segment names, or -1 if it names none within the array. */
    private static int index(JsonNode array, String segment) {
        if (segment.isEmpty() || segment.length() > 9 || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return -1;
            }
        }
        int index = Integer.parseInt(segment);
        return index < array.size() ? index : -1;
    }
}
