package dev.inlet.core.http;

import dev.inlet.core.InletListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every pipeline event, in order. Thread-safe. */
final class RecordingListener implements InletListener {

    final List<RequestSent> sent = new CopyOnWriteArrayList<>();
    final List<ResponseReceived> received = new CopyOnWriteArrayList<>();
    final List<RetryScheduled> retries = new CopyOnWriteArrayList<>();
    final List<RateLimited> limited = new CopyOnWriteArrayList<>();

    @Override
    public void requestSent(RequestSent event) {
        sent.add(event);
    }

    @Override
    public void responseReceived(ResponseReceived event) {
        received.add(event);
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        retries.add(event);
    }

    @Override
    public void rateLimited(RateLimited event) {
        limited.add(event);
    }

    List<Object> all() {
        return List.of(sent, received, retries, limited);
    }
}
