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
        return new Composite(copy.toArray(new InletListener[0]));
    }

    /**
     * Forwards each event to every listener in order, a failure of one logged and the others still called.
     * A plain loop with a try per listener, not {@code forEach} and a {@code Runnable} per listener: events
     * come per request and per page, and two lambdas per listener per event were allocation and code the
     * JIT had to compile before an observed connector ran at full speed (issue 22's overhead benchmark).
     */
    private static final class Composite implements InletListener {
        private final InletListener[] listeners;

        private Composite(InletListener[] listeners) {
            this.listeners = listeners;
        }

        @Override
        public void requestSent(RequestSent event) {
            for (InletListener l : listeners) {
                try {
                    l.requestSent(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void responseReceived(ResponseReceived event) {
            for (InletListener l : listeners) {
                try {
                    l.responseReceived(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            for (InletListener l : listeners) {
                try {
                    l.retryScheduled(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void rateLimited(RateLimited event) {
            for (InletListener l : listeners) {
                try {
                    l.rateLimited(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void originRefused(OriginRefused event) {
            for (InletListener l : listeners) {
                try {
                    l.originRefused(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void callFailed(CallFailed event) {
            for (InletListener l : listeners) {
                try {
                    l.callFailed(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void runStarted(RunStarted event) {
            for (InletListener l : listeners) {
                try {
                    l.runStarted(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void pageStarted(PageStarted event) {
            for (InletListener l : listeners) {
                try {
                    l.pageStarted(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void runFinished(RunFinished event) {
            for (InletListener l : listeners) {
                try {
                    l.runFinished(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void pageDone(PageDone event) {
            for (InletListener l : listeners) {
                try {
                    l.pageDone(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void warning(RunWarning event) {
            for (InletListener l : listeners) {
                try {
                    l.warning(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void stateCommitted(StateCommitted event) {
            for (InletListener l : listeners) {
                try {
                    l.stateCommitted(event);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        @Override
        public void connectorDone(RunReport report) {
            for (InletListener l : listeners) {
                try {
                    l.connectorDone(report);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }
    }

    private static void failed(RuntimeException e) {
        LOG.warn("An InletListener failed; the run goes on", e);
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
