package dev.inlet.core;

import dev.inlet.core.internal.Futures;
import dev.inlet.core.internal.WaitingThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import dev.inlet.core.error.InletException;

/**
 * The one pure step under every connector: fetch the page at a position, yielding its records and
 * the position of the next page (empty when the source is done).
 *
 * <p>A source keeps no state between calls: everything it needs to continue is in the
 * {@link Position}. So {@link Connector#records()} iterates it, and so can an external engine (a
 * Kafka Connect task, a workflow step) that stores positions itself. Implementations must be
 * thread-safe; each {@link #open(Position)} is independent.
 */
@FunctionalInterface
public interface PageSource {

    /**
     * Requests the page at the position and starts decoding it. Records the position marks as
     * already delivered ({@link Position#skip()}) are skipped.
     *
     * @throws InletException if the page cannot be fetched (after any retries the source applies)
     */
    OpenPage open(Position position);

    /**
     * Opens the page at the position as {@link #open} does, without waiting: the future completes with
     * the open page (its records still to be read) or fails with the {@link InletException} {@code open}
     * would throw. The default runs {@code open} on a waiting thread (a virtual thread on Java 21+, else
     * one of a shared pool of daemon threads); a source that sends through an asynchronous pipeline (REST
     * over {@link dev.inlet.core.http.Transport#jdk()}) holds no thread while the page is on its way.
     * Cancelling the future closes a page that arrives afterwards.
     */
    default CompletableFuture<OpenPage> openAsync(Position position) {
        Objects.requireNonNull(position, "position");
        return Futures.supplyClosing(() -> open(position), WaitingThreads.shared());
    }

    /**
     * Whether {@link #openAsync} waits for a page without holding a thread. False by default; a REST
     * source says true when its pipeline {@linkplain dev.inlet.core.http.HttpPipeline#sendsAsynchronously()
     * sends asynchronously}. {@code ConcurrentFetch} reads such sources without a thread per waiting fetch.
     */
    default boolean opensAsynchronously() {
        return false;
    }

    /**
     * This source, delivering records already bound by the reader where it can: each such record is a
     * {@link tools.jackson.databind.node.POJONode} holding the bound value, and a record the reader
     * cannot bind is delivered as its raw tree (so mapping it fails again, with the raw record in the
     * rejection). A connector asks for this when it maps to a type and validates nothing, since
     * validation needs the tree. The default cannot bind and returns this source.
     */
    default PageSource binding(ObjectReader reader) {
        return this;
    }

    /**
     * A reader for one run over this source: {@link ConnectorRun} opens every page of a run through
     * it. The default opens each page directly with {@link #open(Position)} and holds nothing; a
     * {@link PrefetchingSource} returns one that requests pages ahead.
     */
    default PageReader reader() {
        return new PageReader() {
            @Override
            public OpenPage open(Position position) {
                return PageSource.this.open(position);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Fetches the whole page at the position into memory: the step for engines that drive a source
     * page by page. Use {@link #open(Position)} for pages too large to hold.
     */
    default Page<JsonNode> fetch(Position position) {
        try (OpenPage page = open(position)) {
            List<JsonNode> records = new ArrayList<>();
            page.forEachRemaining(records::add);
            Optional<Position> next = page.nextPosition();
            return new Page<>(page.position(), records, page.response(), next, List.of(),
                    next.isEmpty() ? page.continuationToken() : Optional.empty());
        }
    }
}
