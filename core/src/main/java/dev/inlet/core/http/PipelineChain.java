package dev.inlet.core.http;

import dev.inlet.core.internal.Futures;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The chain an interceptor sees: the links after it (see {@link HttpPipeline}), then the transport. One
 * class for both forms, so the synchronous and the asynchronous call obey one contract: a call runs
 * either {@link #proceed} on every link or {@link #proceedAsync} on every link ({@link HttpPipeline}
 * chooses the asynchronous form only when every link is an {@link AsyncInterceptor}).
 */
final class PipelineChain implements Interceptor.Chain, AsyncInterceptor.AsyncChain {

    private final HttpPipeline pipeline;
    private final int index;
    private final Request request;
    private final CallContext context;
    /** Calls of {@link #proceed} so far, and whether one is running (1): the contract in {@code Interceptor.Chain}. */
    private volatile int calls;
    private volatile int running;
    // Field updaters, not Atomic* objects: a chain is made per link per hop, so they save two objects each.
    private static final AtomicIntegerFieldUpdater<PipelineChain> CALLS =
            AtomicIntegerFieldUpdater.newUpdater(PipelineChain.class, "calls");
    private static final AtomicIntegerFieldUpdater<PipelineChain> RUNNING =
            AtomicIntegerFieldUpdater.newUpdater(PipelineChain.class, "running");

    PipelineChain(HttpPipeline pipeline, int index, Request request, CallContext context) {
        this.pipeline = pipeline;
        this.index = index;
        this.request = request;
        this.context = context;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public CallContext call() {
        return context;
    }

    @Override
    public Response proceed(Request next) throws IOException {
        enter(next);
        try {
            return send(next);
        } finally {
            running = 0;
        }
    }

    @Override
    public CompletableFuture<Response> proceedAsync(Request next) {
        try {
            enter(next);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Response> response;
        try {
            response = sendAsync(next);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.whenComplete((r, e) -> running = 0);
    }

    /** Counts a call and marks it running: the contract in {@code Interceptor.Chain.proceed}. */
    private void enter(Request next) {
        Objects.requireNonNull(next, "request");
        int allowed = 1 + Math.max(1, pipeline.maxRedirects());
        if (CALLS.incrementAndGet(this) > allowed) {
            throw new IllegalStateException(caller() + " called Chain.proceed more than " + allowed
                    + " times for one request; a chain allows the first send plus one replay or the pipeline's "
                    + "maxRedirects hops (see Interceptor.Chain.proceed)");
        }
        if (!RUNNING.compareAndSet(this, 0, 1)) {
            throw new IllegalStateException(caller() + " called Chain.proceed while its previous call was still "
                    + "running; call it again only after the previous call returned (see Interceptor.Chain.proceed)");
        }
    }

    private String caller() {
        return index == 0 ? "the pipeline" : "interceptor " + pipeline.links().get(index - 1).getClass().getName();
    }

    private Response send(Request next) throws IOException {
        List<Interceptor> links = pipeline.links();
        if (index < links.size()) {
            Interceptor link = links.get(index);
            Response response = link.intercept(new PipelineChain(pipeline, index + 1, next, context));
            if (response == null) {
                throw new IllegalStateException("interceptor " + link.getClass().getName() + " returned no response");
            }
            return response;
        }
        Request sent = withAcceptEncoding(next);
        return pipeline.transport().send(sent, timeoutFor(sent));
    }

    private CompletableFuture<Response> sendAsync(Request next) {
        List<Interceptor> links = pipeline.links();
        if (index < links.size()) {
            Interceptor link = links.get(index);
            CompletableFuture<Response> response = Futures.attempt(() ->
                    ((AsyncInterceptor) link).interceptAsync(new PipelineChain(pipeline, index + 1, next, context)));
            return response.thenApply(r -> {
                if (r == null) {
                    throw new IllegalStateException("interceptor " + link.getClass().getName() + " returned no response");
                }
                return r;
            });
        }
        Request sent = withAcceptEncoding(next);
        return Futures.attempt(() -> pipeline.transport().sendAsync(sent, timeoutFor(sent)));
    }

    /**
     * Like the transport's own headers (User-Agent), added last: signers leave it out, proxies rewrite it,
     * and the links see the request they passed on (its redacted URL computed once).
     */
    private static Request withAcceptEncoding(Request next) {
        return next.headers().contains("Accept-Encoding") ? next
                : next.toBuilder().header("Accept-Encoding", ContentEncodings.ACCEPTED).build();
    }

    /** The attempt's timeout: the request's or the pipeline's, but never beyond the call's budget. */
    private Duration timeoutFor(Request request) {
        Duration timeout = request.timeout().orElse(pipeline.requestTimeout());
        Duration left = Duration.between(pipeline.clock().instant(), context.deadline());
        return left.compareTo(timeout) < 0 && !left.isNegative() && !left.isZero() ? left : timeout;
    }
}
