package dev.inlet.core.schedule;

/** The scheduler's timer: waits for the next due time by the scheduler's clock, ticks, repeats until closed. */
final class TimerThread implements Runnable {

    private final Scheduler scheduler;

    TimerThread(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void run() {
        try {
            while (scheduler.awaitDue()) {
                scheduler.tick();
            }
        } catch (InterruptedException e) {
            // close() interrupts the timer: nothing more to trigger.
            Thread.currentThread().interrupt();
        }
    }
}
