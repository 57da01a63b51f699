package dev.inlet.core.auth;

import dev.inlet.core.http.CallContext;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.util.List;

/** Several credentials applied in order, each to its own origin only. */
final class CompositeCredentials implements Credentials {

    private final List<Credentials> links;

    CompositeCredentials(List<Credentials> links) {
        if (links.isEmpty()) {
            throw new IllegalArgumentException("Credentials.all needs at least one credential");
        }
        this.links = List.copyOf(links);
    }

    @Override
    public boolean appliesTo(Origin origin) {
        return links.stream().anyMatch(c -> c.appliesTo(origin));
    }

    @Override
    public java.util.Set<String> sensitiveParameters() {
        java.util.Set<String> names = new java.util.HashSet<>();
        links.forEach(c -> names.addAll(c.sensitiveParameters()));
        return java.util.Set.copyOf(names);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return new Link(0, chain, chain.request()).proceed(chain.request());
    }

    /** Runs the credentials from {@code index} on, then the rest of the outer chain. */
    private final class Link implements Chain {
        private final int index;
        private final Chain outer;
        private final Request request;

        Link(int index, Chain outer, Request request) {
            this.index = index;
            this.outer = outer;
            this.request = request;
        }

        @Override
        public Request request() {
            return request;
        }

        @Override
        public CallContext call() {
            return outer.call();
        }

        @Override
        public Response proceed(Request next) throws IOException {
            if (index == links.size()) {
                return outer.proceed(next);
            }
            return links.get(index).intercept(new Link(index + 1, outer, next));
        }
    }

    @Override
    public String toString() {
        return "Credentials" + links;
    }
}
