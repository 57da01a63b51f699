package dev.inlet.cli.internal;

import dev.inlet.core.schedule.Job;
import dev.inlet.core.schedule.Schedule;
import dev.inlet.core.schedule.ScheduledRun;
import dev.inlet.core.schedule.Scheduler;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.StreamDefinition;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The refreshes {@code webhooks serve --into URL --refresh} runs: a delivery whose event type the definition
 * maps to a stream ({@code events: {push: {refresh: items}}}) reads that stream into the same database, as
 * {@code inlet read FILE STREAM --into URL} does ({@link IntoOption#write}: upserted by its primary key, an
 * incremental stream only since the cursor committed with its rows). Runs go through core's {@link Scheduler},
 * one job per stream: a stream's runs never overlap, and however many deliveries ask during a run, one
 * follow-up run starts when it ends — so a burst of deliveries costs at most two reads, and the answer to the
 * sender never waits for the API. Each run's summary (or failure) is a line on stderr.
 */
final class RefreshRunner implements AutoCloseable {

    /**
     * The jobs' period: they run only when a delivery asks ({@link Scheduler#runNow}); the scheduler wants a
     * schedule, and this one's first time lies past any process's life. Not longer: the scheduler's timer waits
     * in nanoseconds, and a wait past about 292 years overflows a long.
     */
    private static final Duration ONLY_WHEN_ASKED = Duration.ofDays(365L * 50);

    private final Scheduler scheduler;

    /** Schedules a job per mapped stream, after {@link #check}. */
    RefreshRunner(Definition definition, BoundDefinition bound, Collection<String> streams, String url,
            Context context) {
        check(definition, streams);
        IntoOption into = new IntoOption();
        into.url = url;
        this.scheduler = Scheduler.builder().onRunDone(run -> failed(run, context)).build();
        for (String name : streams) {
            StreamDefinition s = stream(definition, name);
            scheduler.schedule(name, Schedule.fixedRate(ONLY_WHEN_ASKED),
                    Job.of(() -> into.write(bound, s, Optional.empty(), context)));
        }
    }

    /**
     * Refuses (exit 2, before anything is bound or served) a mapped stream that a refresh cannot read into a
     * table: missing, a substream, or without a top-level primary key.
     */
    static void check(Definition definition, Collection<String> streams) {
        for (String name : streams) {
            IntoOption.key(stream(definition, name));
        }
    }

    private static StreamDefinition stream(Definition definition, String name) {
        StreamDefinition s = definition.stream(name).orElseThrow(() -> new UsageException("--refresh: the "
                + "webhooks section refreshes stream `" + name + "`, which the definition does not have"));
        if (s.parent().isPresent()) {
            throw new UsageException("--refresh: stream `" + name + "` is a substream; a refresh reads top-level "
                    + "streams (map the event to its parent)");
        }
        return s;
    }

    private static void failed(ScheduledRun run, Context context) {
        run.failure().ifPresent(e -> context.err.println(Cli.message(e).replaceFirst("^inlet: ",
                "inlet: refresh of " + run.name() + " failed: ")));
    }

    /** Asks for a refresh of the stream; returns at once (the run happens on the scheduler's thread). */
    void refresh(String stream) {
        scheduler.runNow(stream);
    }

    /** Stops asking; waits (up to the scheduler's close timeout) for a refresh in progress to commit its page. */
    @Override
    public void close() {
        scheduler.close();
    }
}
