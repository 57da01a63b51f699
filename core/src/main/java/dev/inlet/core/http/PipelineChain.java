package dev.inlet.core.http;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** The chain an interceptor sees: the links after it, then the transport. */
final class PipelineChain implements Interceptor.Chain {

    private final HttpPipeline pipeline;
    private final int index;
    private final Request request;
    private final CallContext context;

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
        Objects.requireNonNull(next, "request");
        List<Interceptor> links = pipeline.links();
        if (index < links.size()) {
            Interceptor link = links.get(index);
            Response response = link.intercept(new PipelineChain(pipeline, index + 1, next, context));
            if (response == null) {
                throw new IllegalStateException("interceptor " + link.getClass().getName() + " returned no response");
            }
            return response;
        }
        // Like the transport's own headers (User-Agent), added last: signers leave it out, proxies rewrite it.
        Request sent = next.headers().contains("Accept-Encoding") ? next
                : next.toBuilder().header("Accept-Encoding", ContentEncodings.ACCEPTED).build();
        Response response = pipeline.transport().send(sent, pipeline.timeoutFor(sent, context));
        return guarded(response, next);
    }

    /**
     * The body as readers see it: a stall guard on the wire bytes (a wait for the next byte), the
     * content encoding undone, and the size and time limits on what comes out.
     */
    private Response guarded(Response response, Request request) {
        if (!pipeline.readTimeout().isZero()) {
            response = response.withBody(StallGuard.wrap(response.body(), pipeline.readTimeout(), request));
        }
        response = ContentEncodings.decode(response, pipeline.limits());
        return response.withBody(new BodyLimiter(response.body(), pipeline.limits(), pipeline.clock(), request));
    }
}
