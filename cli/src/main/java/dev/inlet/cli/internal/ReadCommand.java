package dev.inlet.cli.internal;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.state.ConnectorState;
import dev.inlet.core.state.FileStateStore;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.StreamDefinition;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code inlet read FILE STREAM}: the stream's records on stdout. With {@code --state DIR} a run resumes
 * where the last one stopped: an incremental stream asks for what changed since its last cursor (core
 * {@code IncrementalSync}); any other stream continues from the page after the last one written (its
 * position, checkpointed after each page once its records are flushed), and starts over once complete.
 */
@Command(name = "read", description = "Read a stream's records to stdout.")
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

    @Option(names = "--format", defaultValue = "ndjson", paramLabel = "FORMAT",
            description = "ndjson (default), csv or table.")
    String format;

    @Override
    public Integer call() {
        Context context = parent.context;
        if (maxPages != null && maxPages < 1) {
            throw new UsageException("--max-pages must be at least 1, was " + maxPages);
        }
        Definition d = definition.load();
        StreamDefinition s = d.stream(stream).orElse(null);
        Progress progress = new Progress(context.err, context.interactive());
        var builder = definition.builder(progress);
        FileStateStore store = state == null ? null : FileStateStore.in(state);
        if (store != null) {
            builder.stateStore(store);
        }
        BoundDefinition bound = d.bind(builder.build());
        try (RecordWriter writer = RecordWriter.of(format, context.out, context.err)) {
            if (s != null && s.parent().isPresent()) {
                if (maxPages != null || store != null) {
                    throw new UsageException("stream `" + stream + "` is a substream: --max-pages and --state do not apply");
                }
                try (Stream<JsonNode> records = bound.records(stream)) {
                    records.forEach(writer::write);
                }
            } else if (s != null && s.cursorField().isPresent() && store != null) {
                if (maxPages != null) {
                    throw new UsageException("--max-pages does not apply to an incremental stream read with --state");
                }
                bound.incremental(stream).run(writer::write);
            } else {
                readPages(bound.connector(stream), store, writer, context);
            }
        } finally {
            progress.finish();
        }
        return ExitCodes.OK;
    }

    private void readPages(Connector<JsonNode> connector, FileStateStore store, RecordWriter writer, Context context) {
        Position from = store == null ? Position.start()
                : store.load(connector.name()).flatMap(ConnectorState::position).orElse(Position.start());
        try (ConnectorRun<JsonNode> run = connector.open(from)) {
            Iterator<Page<JsonNode>> pages = run.pages().iterator();
            int read = 0;
            while (pages.hasNext() && (maxPages == null || read < maxPages)) {
                Page<JsonNode> page = pages.next();
                page.records().forEach(writer::write);
                read++;
                if (store != null) {
                    context.out.flush();
                    if (page.next().isPresent()) {
                        store.save(connector.name(), ConnectorState.empty().withPosition(page.next().get(), false));
                    } else {
                        store.delete(connector.name());
                    }
                }
            }
        }
    }
}
