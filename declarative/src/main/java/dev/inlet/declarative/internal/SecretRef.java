package dev.inlet.declarative.internal;

import dev.inlet.core.Secret;

/**
 * <b>Internal.</b> A secret of a definition (an API key, a token, a password, a webhook secret): only a
 * reference ({@code ${env:…}}, {@code ${file:…}}, {@code ${input:…}}) is accepted, never a literal, so
 * definitions can be committed and shared. Resolved into a {@link Secret} when bound.
 */
public final class SecretRef {

    private final Template template;

    private SecretRef(Template template) {
        this.template = template;
    }

    /** Reads a secret; a literal (or text around a reference) is an error naming its line. */
    public static SecretRef read(Node node, String what) {
        Template template = Section.text(node);
        if (!template.isSingleReference()) {
            throw Errors.at(node, (template.isLiteral() ? "a literal secret" : "text around a secret reference")
                    + " in " + what + " (secrets may only come from references)",
                    "${env:NAME}, ${file:path} or ${input:name}", null);
        }
        return new SecretRef(template);
    }

    /** The reference as written (safe to show). */
    public String reference() {
        return template.toString();
    }

    /** The template. */
    Template template() {
        return template;
    }

    /** The resolved secret. */
    public Secret resolve(Resolver resolver) {
        return Secret.of(resolver.resolveSecret(template.node(), template.references().get(0)));
    }

    @Override
    public String toString() {
        return reference();
    }
}
