package dev.inlet.core.ratelimit;

import dev.inlet.core.retry.ServerBudget;
import dev.inlet.core.retry.WaitHint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One key's picture of the server's request budget, and the waits it imposes: none while the budget
 * is comfortable, even spacing over the time to the reset when it runs low, a stop until the reset
 * at zero, and a stop for everyone when the server asked one request to wait.
 *
 * <p>Requests are counted as they leave ({@link #reserve}), so concurrent callers see the budget
 * shrink before the server's answers come back; answers ({@link #observe}) correct the count, never
 * upwards within a window. The clock is whatever the caller passes, so tests drive it with a fake
 * one. Thread-safe.
 */
final class BudgetPacer {

    /** Resets announced within this of each other belong to one window (servers round them to seconds). */
    private static final Duration SAME_WINDOW = Duration.ofSeconds(1);

    /** A wait and why. */
    record Wait(Duration delay, String reason) {
        static final Wait NONE = new Wait(Duration.ZERO, "");
    }

    private final double paceBelow;
    private final Duration margin;

    private Instant resetAt;
    /** Requests left in the window by our count; -1 when unknown. */
    private long remaining = -1;
    /** The largest quota seen; 0 when unknown. */
    private long quota;
    private Instant nextSlot;
    private Instant blockedUntil;
    private String blockedBecause = "";
    private int inFlight;

    BudgetPacer(double paceBelow, Duration margin) {
        this.paceBelow = paceBelow;
        this.margin = margin;
    }

    /** Counts a request about to leave and says how long it must wait first. */
    synchronized Wait reserve(Instant now) {
        inFlight++;
        if (blockedUntil != null) {
            if (now.isBefore(blockedUntil)) {
                return new Wait(Duration.between(now, blockedUntil), blockedBecause);
            }
            blockedUntil = null;
        }
        if (resetAt != null && !now.isBefore(resetAt)) {
            // The window is over; the next answer tells the new budget.
            resetAt = null;
            remaining = -1;
            nextSlot = null;
        }
        if (remaining < 0 || resetAt == null) {
            return Wait.NONE;
        }
        if (remaining == 0) {
            block(resetAt.plus(margin), "the server's budget is used up until its reset");
            return new Wait(Duration.between(now, blockedUntil), blockedBecause);
        }
        remaining--;
        if (quota > 0 && remaining + 1 > quota * paceBelow) {
            return Wait.NONE;
        }
        // Spread what is left evenly between this request's slot and the reset.
        Instant slot = nextSlot == null || nextSlot.isBefore(now) ? now : nextSlot;
        Duration toReset = Duration.between(slot, resetAt);
        nextSlot = toReset.isNegative() ? slot : slot.plus(toReset.dividedBy(remaining + 1));
        Duration delay = Duration.between(now, slot);
        return delay.isZero() ? Wait.NONE : new Wait(delay, "pacing the server's budget: " + (remaining + 1)
                + (quota > 0 ? " of " + quota : "") + " left, reset in " + Duration.between(now, resetAt).toSeconds() + " s");
    }

    /** A request that was counted ended without a response to learn from. */
    synchronized void release() {
        if (inFlight > 0) {
            inFlight--;
        }
    }

    /**
     * Learns from a response: its reported budget, and a wait it asked for.
     *
     * @param budget the budget the response reports, if any
     * @param hint the wait a throttling response (429, 503) asked for, if any
     * @param now the caller's clock
     */
    synchronized void observe(Optional<ServerBudget> budget, Optional<WaitHint> hint, Instant now) {
        release();
        hint.ifPresent(h -> block(now.plus(h.delay()), "the server asked to wait (" + h.source() + ")"));
        if (budget.isEmpty()) {
            return;
        }
        ServerBudget b = budget.get();
        quota = Math.max(quota, b.limit().orElse(b.remaining() + 1));
        Optional<Instant> reset = b.resetIn().map(now::plus);
        if (reset.isEmpty()) {
            remaining = remaining < 0 ? b.remaining() : Math.min(remaining, b.remaining());
            return;
        }
        boolean newWindow = resetAt == null || reset.get().isAfter(resetAt.plus(SAME_WINDOW));
        if (newWindow) {
            // Requests still in flight may yet be counted against this window.
            resetAt = reset.get();
            remaining = Math.max(0, b.remaining() - inFlight);
            nextSlot = null;
        } else {
            remaining = remaining < 0 ? Math.max(0, b.remaining() - inFlight) : Math.min(remaining, b.remaining());
            if (reset.get().isAfter(resetAt)) {
                resetAt = reset.get();
            }
        }
        if (b.isExhausted()) {
            block(resetAt.plus(margin), "the server's budget is used up until its reset (" + b.source() + ": 0)");
        }
    }

    private void block(Instant until, String because) {
        if (blockedUntil == null || until.isAfter(blockedUntil)) {
            blockedUntil = until;
            blockedBecause = because;
        }
    }
}
