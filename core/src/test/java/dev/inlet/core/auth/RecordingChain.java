package dev.inlet.core.auth;

import dev.inlet.core.Headers;
import dev.inlet.core.InletListener;
import dev.inlet.core.http.CallContext;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.testing.FakeClock;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chain whose rest records what it is sent and answers with the given statuses (then 200). */
final class RecordingChain implements Interceptor.Chain {

    final List<Request> sent = new CopyOnWriteArrayList<>();
    private final Request request;
    private final Deque<Integer> statuses = new ArrayDeque<>();

    RecordingChain(Request request, Integer... statuses) {
        this.request = request;
        this.statuses.addAll(List.of(statuses));
    }

    /** Runs the interceptor on the request and returns its response. */
    static Response run(Interceptor interceptor, RecordingChain chain) throws java.io.IOException {
        return interceptor.intercept(chain);
    }

    Request last() {
        return sent.get(sent.size() - 1);
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public synchronized Response proceed(Request next) {
        sent.add(next);
        int status = statuses.isEmpty() ? 200 : statuses.poll();
        return new Response(next, status, Headers.empty(), new ByteArrayInputStream(new byte[0]), Instant.EPOCH,
                Duration.ZERO);
    }

    @Override
    public CallContext call() {
        FakeClock clock = new FakeClock();
        return new CallContext(1, Optional.empty(), Instant.MAX, clock, clock, InletListener.none());
    }
}
