package dev.inlet.cli.internal;

import dev.inlet.core.InletListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on stderr (pages, records/s, retries, rate-limit waits), one line rewritten in place; only
 * when stderr is a terminal, otherwise it prints nothing.
 */
final class Progress implements InletListener {

    private final PrintStream err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void pageDone(PageDone event) {
        pages.incrementAndGet();
        records.addAndGet(event.records());
        show();
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        retries.incrementAndGet();
        show();
    }

    @Override
    public void rateLimited(RateLimited event) {
        waits.incrementAndGet();
        if (enabled) {
            err.print("\rwaiting " + event.delay().toMillis() + " ms for the rate limit (" + event.reason() + ")   ");
        }
    }

    private void show() {
        if (!enabled) {
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        err.printf("\r%d pages, %d records, %.0f records/s, %d retries, %d rate-limit waits   ", pages.get(),
                records.get(), records.get() / seconds, retries.get(), waits.get());
    }

    void finish() {
        if (enabled && pages.get() > 0) {
            err.println();
        }
    }
}
