package dev.inlet.core.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import dev.inlet.core.Secret;

/** <b>Internal</b> (not API; see the package).
 * Every form in which secrets left Inlet during one call (raw, URL-encoded, form-encoded, as a
 * Basic or bearer header, signed), and the one scrubber that removes them from server text Inlet
 * quotes: body excerpts, exception messages, logged headers.
 *
 * <p>Servers echo what they were sent: an {@code Authorization} header in a token error, a key in a
 * 401 body ({@code invalid api key <key>}), a query in a next link. Masking by name is not enough
 * there, so the pipeline records the value of every credential header and secret query parameter
 * as it goes out, and every place that quotes server text scrubs it with this registry. Forms
 * shorter than {@value #MIN_LENGTH} characters are not recorded: scrubbing them would mangle
 * messages and they protect nothing. Thread-safe.
 */
public final class SentSecrets {

    /** The shortest form recorded. */
    public static final int MIN_LENGTH = 4;

    private final Set<String> forms = ConcurrentHashMap.newKeySet();

    /** An empty registry. */
    public SentSecrets() {
    }

    /** Records exactly this text as a secret form. */
    public void addForm(String form) {
        if (form != null && form.length() >= MIN_LENGTH) {
            forms.add(form);
        }
    }

    /** Records a secret and the encodings it may be sent or echoed in (URL/form-encoded, decoded). */
    public void addSecret(String raw) {
        if (raw == null) {
            return;
        }
        addForm(raw);
        addForm(URLEncoder.encode(raw, StandardCharsets.UTF_8));
        addForm(URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20"));
        try {
            addForm(URLDecoder.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // Not a percent-encoded text: the raw form is already recorded.
        }
    }

    /** Records every secret in {@code secrets}. */
    public void addSecrets(Iterable<Secret> secrets) {
        for (Secret secret : secrets) {
            if (secret != null) {
                addSecret(secret.reveal());
            }
        }
    }

    /**
     * Records the value of a header that carries credentials: the whole value, the part after an
     * auth scheme ({@code Bearer <token>}), and for {@code Basic} the decoded {@code user:password}
     * and the password.
     */
    public void addHeader(String name, String value) {
        if (value == null || !Redaction.isSensitiveHeader(name)) {
            return;
        }
        addSecret(value);
        int space = value.indexOf(' ');
        if (space > 0 && space < value.length() - 1) {
            String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
            String credential = value.substring(space + 1).trim();
            addSecret(credential);
            if (scheme.equals("basic")) {
                addBasic(credential);
            }
        }
    }

    private void addBasic(String base64) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return;
        }
        addForm(pair);
        int colon = pair.indexOf(':');
        if (colon >= 0) {
            addSecret(pair.substring(colon + 1));
        }
    }

    /**
     * Records the values of the URI's secret query parameters: those whose names look secret and
     * those named in {@code sensitive}.
     */
    public void addQuery(URI uri, Set<String> sensitive) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name;
            try {
                name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                name = pair.substring(0, eq);
            }
            if (Redaction.isSensitiveParameter(name, sensitive)) {
                addSecret(pair.substring(eq + 1));
            }
        }
    }

    /** Records every form another registry holds. */
    public void addAll(SentSecrets other) {
        forms.addAll(other.forms);
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** The text with every recorded form replaced by {@link Redaction#MASK}; null stays null. */
    public String scrub(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String form : longestFirst) {
            if (out.contains(form)) {
                out = out.replace(form, Redaction.MASK);
            }
        }
        return out;
    }

    /** Never shows the forms. */
    @Override
    public String toString() {
        return "SentSecrets[" + forms.size() + " forms]";
    }
}
