package dev.inlet.declarative.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * <b>Internal.</b> Checks every placeholder of a definition at load, before anything is resolved: an
 * {@code input} must be declared under {@code inputs:}; a secret (an input of type {@code secret}, or a
 * reference typed {@code :secret}) may only stand where a secret goes, so it never lands in a URL, a
 * header shown in logs or a record; {@code parent} references only in substreams, as JSON Pointers.
 */
final class Placeholders {

    private Placeholders() {
    }

    static void check(DefinitionSpec spec) {
        List<Template> plain = new ArrayList<>();
        plain.add(spec.baseUrl());
        if (spec.auth() != null) {
            AuthSpec auth = spec.auth();
            for (Template t : new Template[] {auth.username(), auth.tokenUrl(), auth.clientId()}) {
                if (t != null) {
                    plain.add(t);
                }
            }
            for (SecretRef secret : new SecretRef[] {auth.secret(), auth.refreshToken()}) {
                if (secret != null) {
                    checkSecret(spec, secret.template());
                }
            }
        }
        if (spec.webhooks() != null) {
            checkSecret(spec, spec.webhooks().secret().template());
        }
        for (Template t : plain) {
            checkPlain(spec, t, false);
        }
        for (StreamSpec stream : spec.streams().values()) {
            boolean substream = stream.parent() != null;
            for (Template t : stream.templates()) {
                checkPlain(spec, t, substream);
            }
            if (stream.body() != null) {
                for (Template t : bodyTemplates(stream.body())) {
                    checkPlain(spec, t, substream);
                }
            }
            if (stream.graphql() != null) {
                for (Template t : stream.graphql().variables().values()) {
                    checkPlain(spec, t, substream);
                }
            }
            if (stream.incremental() != null && stream.incremental().start() != null) {
                checkPlain(spec, stream.incremental().start(), false);
            }
        }
    }

    /** The templates of a JSON body's strings. */
    static List<Template> bodyTemplates(Node body) {
        List<Template> templates = new ArrayList<>();
        collect(body, templates);
        return templates;
    }

    private static void collect(Node node, List<Template> templates) {
        if (node instanceof Node.Mapping mapping) {
            for (Node child : mapping.entries().values()) {
                collect(child, templates);
            }
        } else if (node instanceof Node.Sequence sequence) {
            for (Node child : sequence.items()) {
                collect(child, templates);
            }
        } else if (node instanceof Node.Scalar scalar && scalar.kind() == Node.Scalar.Kind.STRING) {
            templates.add(Template.parse(node, scalar.text()));
        }
    }

    private static void checkPlain(DefinitionSpec spec, Template template, boolean parentAllowed) {
        for (Template.Reference r : template.references()) {
            Node at = template.node();
            if (r.kind().equals("parent")) {
                if (!parentAllowed) {
                    throw Errors.at(at, r.text() + " outside a substream", "a stream with `parent:`");
                }
                if (!r.name().startsWith("/")) {
                    throw Errors.at(at, r.text() + " does not name a JSON Pointer", "${parent:/" + r.name() + "}",
                            "${parent:/" + r.name() + "}");
                }
                continue;
            }
            boolean secret = r.type() == ValueType.SECRET;
            if (r.kind().equals("input")) {
                InputSpec input = declared(spec, at, r);
                secret = input.type() == ValueType.SECRET;
                if (r.type() != ValueType.STRING) {
                    throw Errors.at(at, r.text() + ": an input's type is declared under `inputs:`, not in the reference",
                            "${input:" + r.name() + "}");
                }
            }
            if (secret) {
                throw Errors.at(at, "secret " + r.text() + " used outside a secret field (it would leak into URLs,"
                        + " headers or logs)", "secrets only in auth and webhooks.secret");
            }
        }
    }

    private static void checkSecret(DefinitionSpec spec, Template template) {
        Template.Reference r = template.references().get(0);
        if (r.kind().equals("parent")) {
            throw Errors.at(template.node(), "a secret from a parent record", "${env:…}, ${file:…} or ${input:…}");
        }
        if (r.kind().equals("input")) {
            InputSpec input = declared(spec, template.node(), r);
            if (input.type() != ValueType.SECRET) {
                throw Errors.at(template.node(), "input `" + r.name() + "` holds a secret but is declared as "
                        + input.type().written(), "`type: secret` under inputs." + r.name());
            }
        }
    }

    private static InputSpec declared(DefinitionSpec spec, Node at, Template.Reference r) {
        Map<String, InputSpec> inputs = spec.inputs();
        InputSpec input = inputs.get(r.name());
        if (input == null) {
            throw Errors.at(at, "input `" + r.name() + "` is not declared",
                    inputs.isEmpty() ? "a declaration under `inputs:`" : "one of " + String.join(", ", inputs.keySet()),
                    Suggestions.nearest(r.name(), inputs.keySet()));
        }
        return input;
    }
}
