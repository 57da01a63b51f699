package dev.inlet.cli.internal;

import dev.inlet.core.ConnectorRun;
import dev.inlet.core.InletListener;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code inlet trace FILE [STREAM]}: every request, response, retry and rate-limit wait of the first
 * pages, one line each on stdout; URLs come from the listener events, secrets already masked.
 */
@Command(name = "trace", description = "Show every request and response of the first pages (secrets masked).")
final class TraceCommand implements Callable<Integer> {

    @ParentCommand
    InletCommand parent;

    @Mixin
    DefinitionOptions definition;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STREAM", description = "One stream (default: every top-level stream).")
    String stream;

    @Option(names = "--max-pages", defaultValue = "1", paramLabel = "N", description = "Pages per stream (default 1).")
    int maxPages;

    @Override
    public Integer call() {
        Definition d = definition.load();
        BoundDefinition bound = definition.bind(d, new Tracer(parent.context.out));
        List<String> streams = stream != null ? List.of(stream)
                : d.streams().stream().filter(s -> d.stream(s).orElseThrow().parent().isEmpty()).toList();
        for (String name : streams) {
            try (ConnectorRun<JsonNode> run = bound.connector(name).open()) {
                Iterator<?> pages = run.pages().iterator();
                for (int i = 0; i < maxPages && pages.hasNext(); i++) {
                    pages.next();
                }
            }
        }
        return ExitCodes.OK;
    }

    /** Prints events as they happen. */
    private static final class Tracer implements InletListener {

        private final PrintStream out;

        Tracer(PrintStream out) {
            this.out = out;
        }

        @Override
        public void requestSent(RequestSent e) {
            out.println("> " + e.connector() + " " + e.method() + " " + e.url() + " (attempt " + e.attempt() + ")");
        }

        @Override
        public void responseReceived(ResponseReceived e) {
            out.println("< " + e.connector() + " " + e.status() + " " + e.method() + " " + e.url() + " ("
                    + e.elapsed().toMillis() + " ms)");
        }

        @Override
        public void retryScheduled(RetryScheduled e) {
            out.println("! " + e.connector() + " retry after " + e.delay().toMillis() + " ms: " + e.reason());
        }

        @Override
        public void rateLimited(RateLimited e) {
            out.println("~ " + e.connector() + " waited " + e.delay().toMillis() + " ms: " + e.reason());
        }

        @Override
        public void pageDone(PageDone e) {
            out.println("= " + e.connector() + " page done: " + e.records() + " records"
                    + (e.next().isPresent() ? ", more" : ", last"));
        }
    }
}
