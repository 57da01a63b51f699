package dev.inlet.core;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listener plumbing: the no-op listener and the failure-isolating composite. */
final class Listeners {

    static final InletListener NONE = new InletListener() {
    };

    private static final Logger LOG = LoggerFactory.getLogger(InletListener.class);

    private Listeners() {
    }

    static InletListener composite(List<InletListener> listeners) {
        List<InletListener> copy = List.copyOf(listeners);
        if (copy.isEmpty()) {
            return NONE;
        }
        return new InletListener() {
            @Override
            public void requestSent(RequestSent event) {
                copy.forEach(l -> safely(() -> l.requestSent(event)));
            }

            @Override
            public void responseReceived(ResponseReceived event) {
                copy.forEach(l -> safely(() -> l.responseReceived(event)));
            }

            @Override
            public void retryScheduled(RetryScheduled event) {
                copy.forEach(l -> safely(() -> l.retryScheduled(event)));
            }

            @Override
            public void rateLimited(RateLimited event) {
                copy.forEach(l -> safely(() -> l.rateLimited(event)));
            }

            @Override
            public void originRefused(OriginRefused event) {
                copy.forEach(l -> safely(() -> l.originRefused(event)));
            }

            @Override
            public void callFailed(CallFailed event) {
                copy.forEach(l -> safely(() -> l.callFailed(event)));
            }

            @Override
            public void runStarted(RunStarted event) {
                copy.forEach(l -> safely(() -> l.runStarted(event)));
            }

            @Override
            public void pageStarted(PageStarted event) {
                copy.forEach(l -> safely(() -> l.pageStarted(event)));
            }

            @Override
            public void runFinished(RunFinished event) {
                copy.forEach(l -> safely(() -> l.runFinished(event)));
            }

            @Override
            public void pageDone(PageDone event) {
                copy.forEach(l -> safely(() -> l.pageDone(event)));
            }

            @Override
            public void warning(RunWarning event) {
                copy.forEach(l -> safely(() -> l.warning(event)));
            }

            @Override
            public void stateCommitted(StateCommitted event) {
                copy.forEach(l -> safely(() -> l.stateCommitted(event)));
            }

            @Override
            public void connectorDone(RunReport report) {
                copy.forEach(l -> safely(() -> l.connectorDone(report)));
            }
        };
    }

    /** Runs a listener callback; a listener's failure is logged, never propagated. */
    static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("An InletListener failed; the run goes on", e);
        }
    }
}
