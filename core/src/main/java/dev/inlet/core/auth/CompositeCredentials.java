package dev.inlet.core.auth;

import dev.inlet.core.http.AsyncInterceptor;
import dev.inlet.core.http.CallContext;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.internal.Futures;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Several credentials applied in order, each to its own origin only. */
class CompositeCredentials implements Credentials {

    private final List<Credentials> links;

    /** The composite: one that also works asynchronously when every credential in it does. */
    static CompositeCredentials of(List<Credentials> links) {
        return links.stream().allMatch(c -> c instanceof AsyncInterceptor) ? new Async(links)
                : new CompositeCredentials(links);
    }

    private CompositeCredentials(List<Credentials> links) {
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
        return new Link(0, chain, null, chain.request()).proceed(chain.request());
    }

    /** The composite of credentials that are all {@link AsyncInterceptor}s. */
    private static final class Async extends CompositeCredentials implements AsyncInterceptor {

        Async(List<Credentials> links) {
            super(links);
        }

        @Override
        public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
            return new Link(0, null, chain, chain.request()).proceedAsync(chain.request());
        }
    }

    /**
     * The chain the credential at {@code index} sees: the ones after it, then the pipeline's chain. One class
     * for both forms; a synchronous call has only {@code outer}, an asynchronous one only {@code asyncOuter}.
     */
    final class Link implements Chain, AsyncInterceptor.AsyncChain {
        private final int index;
        private final Chain outer;
        private final AsyncInterceptor.AsyncChain asyncOuter;
        private final Request request;

        Link(int index, Chain outer, AsyncInterceptor.AsyncChain asyncOuter, Request request) {
            this.index = index;
            this.outer = outer;
            this.asyncOuter = asyncOuter;
            this.request = request;
        }

        @Override
        public Request request() {
            return request;
        }

        @Override
        public CallContext call() {
            return outer != null ? outer.call() : asyncOuter.call();
        }

        @Override
        public Response proceed(Request next) throws IOException {
            if (index == links.size()) {
                return outer.proceed(next);
            }
            return links.get(index).intercept(new Link(index + 1, outer, null, next));
        }

        @Override
        public CompletableFuture<Response> proceedAsync(Request next) {
            if (index == links.size()) {
                return asyncOuter.proceedAsync(next);
            }
            AsyncInterceptor link = (AsyncInterceptor) links.get(index);
            return Futures.attempt(() -> link.interceptAsync(new Link(index + 1, null, asyncOuter, next)));
        }
    }

    @Override
    public String toString() {
        return "Credentials" + links;
    }
}
