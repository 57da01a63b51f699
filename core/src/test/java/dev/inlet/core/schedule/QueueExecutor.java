package dev.inlet.core.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only queues tasks; the test runs them one by one, so "a run in progress" is a state it controls. */
final class QueueExecutor implements Executor {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    synchronized int queued() {
        return tasks.size();
    }

    /** Runs the oldest queued task on this thread. */
    void runNext() {
        Runnable task;
        synchronized (this) {
            task = tasks.poll();
        }
        if (task == null) {
            throw new AssertionError("no task queued");
        }
        task.run();
    }
}
