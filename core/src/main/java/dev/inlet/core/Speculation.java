package dev.inlet.core;

import dev.inlet.core.error.TransportException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One page requested ahead of its turn. It runs once, on the executor or — when its turn comes
 * before the executor started it — on the reader's own thread. Whatever it produced after it was
 * cancelled is closed at once, so a cancelled request never keeps a connection. Its failure is kept
 * and thrown only when the run asks for this page, so errors surface in page order.
 */
final class Speculation implements Runnable {

    private enum State {
        QUEUED, RUNNING, DONE, CANCELLED
    }

    private final PageSource source;
    private final Position asked;
    private final boolean exact;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private State state = State.QUEUED;
    private Thread runner;
    private OpenPage page;
    private RuntimeException failure;
    private Error error;

    /**
     * @param asked the position requested
     * @param exact whether {@code asked} is the exact position the run will ask for (a prediction
     *     from the request); false when only its token and page index are known (from a response
     *     head), so its counters are corrected when the run gets there
     */
    Speculation(PageSource source, Position asked, boolean exact) {
        this.source = source;
        this.asked = asked;
        this.exact = exact;
    }

    Position asked() {
        return asked;
    }

    /** Whether the run, now asking for {@code position}, asks for this page. */
    boolean answers(Position position) {
        if (exact) {
            return asked.equals(position);
        }
        return position.skip() == 0 && position.pageIndex() == asked.pageIndex() && position.samePageAs(asked);
    }

    /** The executor's entry: runs the request unless the reader took it over or cancelled it. */
    @Override
    public void run() {
        if (claim()) {
            execute();
            // A cancel may have interrupted this thread after the fetch ended: do not pass that on
            // to the executor's next task.
            Thread.interrupted();
        }
    }

    private boolean claim() {
        lock.lock();
        try {
            if (state != State.QUEUED) {
                return false;
            }
            state = State.RUNNING;
            runner = Thread.currentThread();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void execute() {
        OpenPage opened = null;
        RuntimeException failed = null;
        Error broke = null;
        try {
            opened = source.open(asked);
        } catch (RuntimeException e) {
            failed = e;
        } catch (Error e) {
            broke = e;
        }
        lock.lock();
        try {
            boolean cancelled = state == State.CANCELLED;
            if (runner != null && runner != Thread.currentThread()) {
                throw new IllegalStateException("a speculation ran on two threads");
            }
            runner = null;
            if (cancelled) {
                // Nobody will read it: give the connection back now.
                if (opened != null) {
                    opened.close();
                }
            } else {
                state = State.DONE;
                page = opened;
                failure = failed;
                error = broke;
            }
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The page, waiting for it if it is being fetched, or fetching it on this thread if it has not
     * started yet; throws what the fetch threw.
     */
    OpenPage take() {
        boolean runHere;
        lock.lock();
        try {
            if (state == State.CANCELLED) {
                throw new IllegalStateException("a cancelled speculation was taken");
            }
            runHere = state == State.QUEUED;
            if (runHere) {
                state = State.RUNNING;
            }
        } finally {
            lock.unlock();
        }
        if (runHere) {
            execute();
        }
        lock.lock();
        try {
            while (state == State.RUNNING) {
                try {
                    settled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelLocked();
                    throw new TransportException("Interrupted while waiting for " + asked.describe()
                            + ", requested ahead", false, e);
                }
            }
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
            OpenPage result = page;
            page = null;
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels: a queued fetch never starts, a running one is interrupted, a finished page is closed. */
    void cancel() {
        lock.lock();
        try {
            cancelLocked();
        } finally {
            lock.unlock();
        }
    }

    private void cancelLocked() {
        switch (state) {
            case QUEUED -> state = State.CANCELLED;
            case RUNNING -> {
                state = State.CANCELLED;
                if (runner != null) {
                    runner.interrupt();
                }
            }
            case DONE -> {
                state = State.CANCELLED;
                if (page != null) {
                    page.close();
                    page = null;
                }
            }
            case CANCELLED -> {
            }
        }
    }

    /** Whether the fetch has ended (or will never start): nothing of it is left running. */
    boolean settled() {
        lock.lock();
        try {
            return state == State.DONE || state == State.CANCELLED && runner == null;
        } finally {
            lock.unlock();
        }
    }
}
