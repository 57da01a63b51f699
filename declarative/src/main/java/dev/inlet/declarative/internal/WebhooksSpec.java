package dev.inlet.declarative.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>Internal.</b> A definition's webhooks ({@code webhooks:}): the path they arrive at, the signature
 * scheme and its secret (a reference), the timestamp tolerance, and what each event type does:
 * {@code refresh: <stream>} (run the stream again soon) or {@code ignore}. Mapped onto the webhooks
 * module's verifier, endpoint and router when bound. Immutable.
 *
 * @param path the request path, e.g. {@code /webhooks/stripe}
 * @param scheme the signature scheme
 * @param secret the signing secret
 * @param tolerance how old a signed timestamp may be
 * @param events event type ({@code *} for any other) to action
 * @param node where it was written
 */
public record WebhooksSpec(String path, String scheme, SecretRef secret, Duration tolerance,
        Map<String, Action> events, Node node) {

    /** The signature schemes. */
    public static final List<String> SCHEMES = List.of("standard_webhooks", "stripe", "github", "shopify",
            "hubspot_v3", "slack", "twilio");

    /**
     * What an event type does.
     *
     * @param refresh the stream to refresh, or null to ignore the event
     */
    public record Action(String refresh) {
    }

    static WebhooksSpec read(Node node, Set<String> streams) {
        Section s = Section.of(node, "webhooks", "path", "scheme", "secret", "tolerance", "events");
        String path = s.word("path");
        if (!path.startsWith("/")) {
            throw Errors.at(s.get("path"), "`" + path + "` is not a path", "a path starting with /", "/" + path);
        }
        String scheme = s.choice("scheme", null, SCHEMES);
        if (scheme == null) {
            throw Errors.at(node, "webhooks has no `scheme`", "scheme: one of " + String.join(", ", SCHEMES));
        }
        SecretRef secret = SecretRef.read(s.require("secret"), "webhooks.secret");
        Duration tolerance = Durations.read(s, "tolerance", Duration.ofMinutes(5));
        Map<String, Action> events = new LinkedHashMap<>();
        Node eventsNode = s.require("events");
        if (!(eventsNode instanceof Node.Mapping mapping)) {
            throw Errors.at(eventsNode, "events is " + eventsNode.describe(), "a mapping of event types to actions");
        }
        for (Map.Entry<String, Node> entry : mapping.entries().entrySet()) {
            Node action = entry.getValue();
            if (action instanceof Node.Scalar scalar && "ignore".equals(scalar.text())) {
                events.put(entry.getKey(), new Action(null));
                continue;
            }
            if (action instanceof Node.Scalar) {
                throw Errors.at(action, "unknown action `" + ((Node.Scalar) action).text() + "`",
                        "ignore, or {refresh: <stream>}", Suggestions.nearest(String.valueOf(((Node.Scalar) action)
                                .text()), List.of("ignore")));
            }
            Section a = Section.of(action, "a webhook action", "refresh");
            String stream = a.word("refresh");
            if (!streams.contains(stream)) {
                throw Errors.at(a.get("refresh"), "no stream `" + stream + "`", "one of " + String.join(", ", streams),
                        Suggestions.nearest(stream, streams));
            }
            events.put(entry.getKey(), new Action(stream));
        }
        return new WebhooksSpec(path, scheme, secret, tolerance, java.util.Collections.unmodifiableMap(events), node);
    }
}
