package dev.inlet.webhooks.verify.internal;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.verify.WebhookRequest;

/**
 * The receiver's way to a {@link WebhookRequest}'s body without copying it, which is not part of the
 * request's API: the server hands over a body it just read and drops, and the accepted event keeps
 * the verified bytes. {@link WebhookRequest} installs the one {@link Access} when its class is
 * initialised (the JDK's {@code SharedSecrets} pattern). Internal: not for use outside Inlet.
 */
public final class RequestBodies {

    /** The request's non-copying factory and body. */
    public interface Access {

        /** A request that takes ownership of {@code body}: only for callers that drop their reference. */
        WebhookRequest owning(String method, String url, Headers headers, byte[] body);

        /** The body array itself: never to be changed or handed out. */
        byte[] rawBody(WebhookRequest request);
    }

    private static volatile Access access;

    private RequestBodies() {
    }

    /**
     * Installs the request's implementation; called once, by {@link WebhookRequest}'s initialiser.
     *
     * @throws IllegalStateException if one is installed already
     */
    public static synchronized void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("RequestBodies is installed by WebhookRequest only, once");
        }
        access = implementation;
    }

    /** The request's access (initialising {@link WebhookRequest} if no request was made yet). */
    public static Access access() {
        Access current = access;
        if (current == null) {
            try {
                Class.forName(WebhookRequest.class.getName(), true, WebhookRequest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            current = access;
        }
        return current;
    }
}
