package dev.inlet.cli.internal;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.Page;
import dev.inlet.core.state.ConnectorState;
import dev.inlet.core.state.FileStateStore;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.state.IncrementalSync;
import dev.inlet.core.state.StateStore;
import dev.inlet.declarative.Binding;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.StreamDefinition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code inlet read FILE STREAM}: the stream's records on stdout, or into a table ({@code --into}). With
 * {@code --state DIR} a run resumes where the last one stopped: an incremental stream asks for what changed
 * since its last cursor (core {@code IncrementalSync}); any other stream continues from the page after the
 * last one written (its position, checkpointed after each page once its records are flushed), and starts
 * over once complete. {@code --since} starts an incremental stream's window (its first run's, with
 * {@code --state}); {@code --report} writes the run's HTML report.
 */
@Command(name = "read", description = "Read a stream's records to stdout (or into a database table).")
final class ReadCommand implements Callable<Integer> {

    @ParentCommand
    InletCommand parent;

    @Mixin
    DefinitionOptions definition;

    @Parameters(index = "1", paramLabel = "STREAM", description = "The stream to read.")
    String stream;

    @Option(names = "--max-pages", paramLabel = "N", description = "Stop after N pages (not with incremental --state).")
    Integer maxPages;

    @Option(names = "--state", paramLabel = "DIR", description = "Keep the stream's state in this directory and resume from it.")
    Path state;

    @Option(names = "--format", paramLabel = "FORMAT", description = "ndjson (default), csv or table.")
    String format;

    @Mixin
    SinceOption since;

    @Mixin
    IntoOption into;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        Context context = parent.context;
        if (maxPages != null && maxPages < 1) {
            throw new UsageException("--max-pages must be at least 1, was " + maxPages);
        }
        Optional<Instant> from = since.instant();
        into.check(state != null, maxPages != null, format != null);
        RecordWriter writer = into.given() ? null : RecordWriter.of(format == null ? "ndjson" : format, context.out,
                context.err);
        Definition d = definition.load();
        StreamDefinition s = d.stream(stream).orElse(null);
        Progress progress = new Progress(context.err, context.interactive());
        Binding.Builder builder = definition.builder(report.listener(progress));
        if (from.isPresent() && s != null) {
            if (s.parent().isPresent() || s.cursorField().isEmpty()) {
                throw new UsageException("--since applies to an incremental stream, and `" + stream + "` is "
                        + (s.parent().isPresent() ? "a substream" : "not incremental (no `incremental:`)"));
            }
            if (maxPages != null) {
                throw new UsageException("--max-pages does not apply to an incremental read with --since");
            }
        }
        FileStateStore store = state == null ? null : FileStateStore.in(state);
        if (store != null) {
            builder.stateStore(store);
        } else if (from.isPresent()) {
            // One run from --since, remembering nothing: the sync's state lives for this run only.
            builder.stateStore(new InMemoryStateStore());
        }
        BoundDefinition bound = d.bind(builder.build());
        Throwable failure = null;
        try {
            if (into.given()) {
                if (s != null && s.parent().isPresent()) {
                    throw new UsageException("stream `" + stream + "` is a substream: --into reads top-level streams");
                }
                if (s == null) {
                    bound.connector(stream); // no such stream: the definition's error, naming the nearest one
                }
                into.write(bound, s, from, context);
            } else {
                try (RecordWriter out = writer) {
                    read(bound, s, store, from, out, context);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            progress.finish();
            report.write("inlet read " + d.name() + " " + stream, List.of(), context, Optional.ofNullable(failure));
        }
        return ExitCodes.OK;
    }

    private void read(BoundDefinition bound, StreamDefinition s, FileStateStore store, Optional<Instant> since,
            RecordWriter writer, Context context) {
        if (s != null && s.parent().isPresent()) {
            if (maxPages != null || store != null) {
                throw new UsageException("stream `" + stream + "` is a substream: --max-pages and --state do not apply");
            }
            try (Stream<JsonNode> records = bound.records(stream)) {
                records.forEach(writer::write);
            }
        } else if (s != null && s.cursorField().isPresent() && (store != null || since.isPresent())) {
            if (maxPages != null) {
                throw new UsageException("--max-pages does not apply to an incremental stream read with --state");
            }
            // --since replaces the definition's start for the first run; the saved cursor wins after it.
            IncrementalSync<JsonNode> sync = since.isPresent() ? bound.incremental(stream, since.get())
                    : bound.incremental(stream);
            if (since.isPresent() && sync.state().flatMap(ConnectorState::cursor).isPresent()) {
                context.err.println("inlet: --since applies to the first run; the state in " + state
                        + " continues from its saved cursor (delete it to start over)");
            }
            sync.run(writer::write);
        } else {
            readPages(bound.connector(stream), store, writer, context);
        }
    }

    private void readPages(Connector<JsonNode> connector, StateStore store, RecordWriter writer, Context context) {
        ConnectorState saved = store == null ? ConnectorState.empty()
                : store.load(connector.name()).orElse(ConnectorState.empty());
        try (ConnectorRun<JsonNode> run = connector.open(saved.nextRunStart())) {
            Iterator<Page<JsonNode>> pages = run.pages().iterator();
            int read = 0;
            while (pages.hasNext() && (maxPages == null || read < maxPages)) {
                Page<JsonNode> page = pages.next();
                page.records().forEach(writer::write);
                read++;
                if (store != null) {
                    context.out.flush();
                    if (page.next().isPresent()) {
                        store.save(connector.name(), saved.withPosition(page.next().get(), false));
                    } else if (page.continuation().isPresent()) {
                        store.save(connector.name(), saved.withoutPosition().withContinuation(page.continuation()));
                    } else {
                        store.delete(connector.name());
                    }
                }
            }
        }
    }
}
