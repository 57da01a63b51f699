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
        Response response = pipeline.transport().send(next, pipeline.timeoutFor(next, context));
        return pipeline.readTimeout().isZero() ? response
                : response.withBody(StallGuard.wrap(response.body(), pipeline.readTimeout(), next));
    }
}
