package dev.inlet.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A response body that fails when the server stops sending: if a read waits longer than the read
 * timeout for its next byte, a watchdog closes the underlying stream, and the blocked read fails
 * with a {@link SocketTimeoutException} (a retryable timeout) instead of hanging for ever.
 *
 * <p>Why a watchdog: the JDK client's request timeout covers only the wait for the response head,
 * and its body stream has no timed read. Closing the stream is what unblocks a reader. The timeout
 * is real elapsed time ({@link System#nanoTime()}), not the pipeline's clock: it guards real I/O.
 *
 * <p>One shared daemon thread serves every guarded body; each body has at most one pending check,
 * re-armed only while a read is in progress, so an idle body costs nothing.
 */
final class StallGuard extends InputStream {

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final InputStream in;
    private final long timeoutNanos;
    /** Named in the timeout's message only; {@code toString} redacts the URL, so it is not built per body. */
    private final Request what;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean reading;
    private volatile long readStartedAt;
    private volatile boolean stalled;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> check;

    private StallGuard(InputStream in, Duration timeout, Request what) {
        this.in = in;
        this.timeoutNanos = timeout.toNanos();
        this.what = what;
    }

    /** The body guarded by the timeout. */
    static InputStream wrap(InputStream body, Duration timeout, Request request) {
        return new StallGuard(body, timeout, request);
    }

    @Override
    public int read() throws IOException {
        enter();
        try {
            int b = in.read();
            return checked(b);
        } catch (IOException e) {
            throw stalled ? timedOut(e) : e;
        } finally {
            reading = false;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        enter();
        try {
            int n = in.read(buffer, offset, length);
            return checked(n);
        } catch (IOException e) {
            throw stalled ? timedOut(e) : e;
        } finally {
            reading = false;
        }
    }

    @Override
    public int available() throws IOException {
        return stalled ? 0 : in.available();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        ScheduledFuture<?> pending = check;
        if (pending != null) {
            pending.cancel(false);
        }
        in.close();
    }

    /** A read after the watchdog closed the stream may see end-of-stream: that is a stall, not the end. */
    private int checked(int result) throws IOException {
        if (stalled) {
            throw timedOut(null);
        }
        return result;
    }

    private void enter() throws IOException {
        if (stalled) {
            throw timedOut(null);
        }
        readStartedAt = System.nanoTime();
        reading = true;
        if (armed.compareAndSet(false, true)) {
            schedule(timeoutNanos);
        }
    }

    private void schedule(long delayNanos) {
        if (!closed) {
            check = WATCHDOG.schedule(this::inspect, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs on the watchdog thread. */
    private void inspect() {
        if (closed) {
            return;
        }
        if (!reading) {
            armed.set(false);
            // A read may have started between the test and the reset; it saw 'armed' set and
            // relies on this check, so re-arm for it.
            if (reading && armed.compareAndSet(false, true)) {
                schedule(timeoutNanos);
            }
            return;
        }
        long waiting = System.nanoTime() - readStartedAt;
        if (waiting < timeoutNanos) {
            schedule(timeoutNanos - waiting);
            return;
        }
        stalled = true;
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // The reader fails either way: it sees the stall flag.
        }
    }

    private SocketTimeoutException timedOut(IOException cause) {
        SocketTimeoutException e = new SocketTimeoutException("no bytes of the response body of " + what + " for "
                + Duration.ofNanos(timeoutNanos).toMillis() + " ms (read timeout)");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "inlet-body-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        // An idle watchdog thread goes away (no thread left behind in an idle host or a redeployed app).
        executor.setKeepAliveTime(5, java.util.concurrent.TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
