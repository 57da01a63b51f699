package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link WebhookReceiver}'s lifecycle, new → running → stopping → stopped, and the lock that
 * orders it against deliveries: held shared while a delivery is being accepted and exclusively to
 * change state, so that closing never shuts the workers down between a delivery's checks and its
 * submit.
 */
final class ReceiverState {

    private enum State { NEW, RUNNING, STOPPING, STOPPED }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile State state = State.NEW;

    /**
     * Runs {@code recovery} and then starts running, with no delivery in between.
     *
     * @throws WebhookConfigException if already started
     */
    void start(Runnable recovery) {
        lock.writeLock().lock();
        try {
            if (state != State.NEW) {
                throw new WebhookConfigException("WebhookReceiver.start: already " + this,
                        "start a receiver once; build a new one to restart");
            }
            recovery.run();
            state = State.RUNNING;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** {@code accept} while running (and {@code stopped} is false), else {@code refuse}; under the shared lock. */
    <T> T accepting(Supplier<Boolean> stopped, Supplier<T> accept, Supplier<T> refuse) {
        lock.readLock().lock();
        try {
            return state == State.RUNNING && !stopped.get() ? accept.get() : refuse.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code step} with no delivery being accepted meanwhile. */
    void exclusively(Runnable step) {
        lock.writeLock().lock();
        try {
            step.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Moves to stopping and runs {@code onStop} exclusively; false if already stopping or stopped. */
    boolean beginStop(Runnable onStop) {
        lock.writeLock().lock();
        try {
            if (state == State.STOPPING || state == State.STOPPED) {
                return false;
            }
            state = State.STOPPING;
            onStop.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The end of a stop begun with {@link #beginStop(Runnable)}. */
    void stopped() {
        state = State.STOPPED;
    }

    boolean isRunning() {
        return state == State.RUNNING;
    }

    @Override
    public String toString() {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
