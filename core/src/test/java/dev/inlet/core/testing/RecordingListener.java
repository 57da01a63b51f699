package dev.inlet.core.testing;

import dev.inlet.core.InletListener;
import dev.inlet.core.RunReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every listener event (and finished run's report) in arrival order, for tests in every
 * module. Thread-safe.
 */
public final class RecordingListener implements InletListener {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void requestSent(RequestSent event) {
        events.add(event);
    }

    @Override
    public void responseReceived(ResponseReceived event) {
        events.add(event);
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        events.add(event);
    }

    @Override
    public void rateLimited(RateLimited event) {
        events.add(event);
    }

    @Override
    public void originRefused(OriginRefused event) {
        events.add(event);
    }

    @Override
    public void callFailed(CallFailed event) {
        events.add(event);
    }

    @Override
    public void runStarted(RunStarted event) {
        events.add(event);
    }

    @Override
    public void pageStarted(PageStarted event) {
        events.add(event);
    }

    @Override
    public void runFinished(RunFinished event) {
        events.add(event);
    }

    @Override
    public void pageDone(PageDone event) {
        events.add(event);
    }

    @Override
    public void warning(dev.inlet.core.RunWarning event) {
        events.add(event);
    }

    @Override
    public void stateCommitted(StateCommitted event) {
        events.add(event);
    }

    @Override
    public void connectorDone(RunReport report) {
        events.add(report);
    }

    /** Every event so far, in order. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    /** The events of one type, in order. */
    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The requests sent. */
    public List<RequestSent> sent() {
        return of(RequestSent.class);
    }

    /** The responses received. */
    public List<ResponseReceived> received() {
        return of(ResponseReceived.class);
    }

    /** The calls that gave up. */
    public List<CallFailed> failures() {
        return of(CallFailed.class);
    }

    /** The retries scheduled. */
    public List<RetryScheduled> retries() {
        return of(RetryScheduled.class);
    }

    /** The rate-limit waits. */
    public List<RateLimited> rateLimited() {
        return of(RateLimited.class);
    }
}
