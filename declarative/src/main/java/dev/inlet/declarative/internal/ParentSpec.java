package dev.inlet.declarative.internal;

import java.util.List;

/**
 * <b>Internal.</b> The parent of a substream ({@code parent:}), mapped onto core's {@code Substreams}: the
 * parent stream, the parent fields carried into each child record, and how many children run at once.
 * The child's path and parameters name parent fields with {@code ${parent:/pointer}}. Immutable.
 *
 * @param stream the parent stream's name
 * @param carry JSON Pointers of parent fields copied into each child record (as {@code parent_<field>})
 * @param concurrency child runs in flight at once
 * @param node where it was written
 */
public record ParentSpec(String stream, List<String> carry, int concurrency, Node node) {

    static ParentSpec read(Node node) {
        Section s = Section.of(node, "parent", "stream", "carry", "concurrency");
        List<String> carry = s.words("carry");
        for (String pointer : carry) {
            if (!pointer.startsWith("/")) {
                throw Errors.at(s.get("carry"), "`" + pointer + "` is not a JSON Pointer", "a pointer such as /id",
                        "/" + pointer);
            }
        }
        long concurrency = s.integer("concurrency", 1);
        if (concurrency < 1 || concurrency > 64) {
            throw Errors.at(s.get("concurrency"), "concurrency " + concurrency + " is out of range", "1 to 64");
        }
        return new ParentSpec(s.word("stream"), carry, (int) concurrency, node);
    }
}
