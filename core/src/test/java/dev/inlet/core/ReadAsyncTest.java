package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.InletException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.testing.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link Connector#readAsync}: the run a synchronous reader gets (records, order, events, report, resume
 * positions), with no thread waiting while a page is on its way: here the test itself completes each
 * page's future, so the run can only go on when the test lets it.
 */
class ReadAsyncTest {

    private static List<Integer> numbers(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    @Test
    void theRunGoesOnOnlyWhenAPageArrivesAndDeliversWhatASynchronousRunDelivers() throws Exception {
        RecordingListener asyncEvents = new RecordingListener();
        HeldPages source = new HeldPages(new OffsetPages(23, 5));
        Connector<JsonNode> connector = Connector.builder("numbers", source).listener(asyncEvents).build();
        List<Integer> delivered = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        CompletableFuture<RunReport> read = connector.readAsync(record -> {
            delivered.add(record.asInt());
            threads.add(Thread.currentThread());
        });

        assertThat(read).as("returned while the first page is on its way").isNotDone();
        assertThat(delivered).isEmpty();
        // Four full pages, the last three records, then the empty page after them that ends the offsets.
        for (long offset : new long[] {0, 5, 10, 15, 20, 23}) {
            assertThat(source.answerNext().token().map(Long::parseLong).orElse(0L)).isEqualTo(offset);
        }
        RunReport report = read.get(10, TimeUnit.SECONDS);

        assertThat(delivered).isEqualTo(numbers(0, 23));
        assertThat(threads).as("records delivered by the thread that completed the page").containsOnly(
                Thread.currentThread());
        assertThat(report.pages()).isEqualTo(6);
        assertThat(report.valid()).isEqualTo(23);
        assertThat(report.completed()).isTrue();
        assertThat(source.pages.closed()).isEqualTo(source.pages.opened());

        RecordingListener syncEvents = new RecordingListener();
        Connector<JsonNode> sync = Connector.builder("numbers", new OffsetPages(23, 5)).listener(syncEvents).build();
        sync.records().forEach(record -> { });
        assertThat(kinds(asyncEvents.events())).isEqualTo(kinds(syncEvents.events()));
    }

    private static List<String> kinds(List<Object> events) {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    @Test
    void aPageThatFailsFailsTheFutureWithThePositionToResumeFrom() throws Exception {
        OffsetPages pages = new OffsetPages(20, 5).failOpen((offset, attempt) -> offset == 10 && attempt == 1);
        HeldPages source = new HeldPages(pages);
        Connector<JsonNode> connector = Connector.builder("numbers", source).build();
        List<Integer> delivered = new ArrayList<>();

        CompletableFuture<RunReport> read = connector.readAsync(record -> delivered.add(record.asInt()));
        for (int page = 0; page < 3; page++) {
            source.answerNext();
        }

        assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TransportException.class);
        TransportException failure = (TransportException) read.handle((r, e) -> e instanceof CompletionException
                ? e.getCause() : e).join();
        assertThat(delivered).isEqualTo(numbers(0, 10));
        Position resume = failure.resumePosition().orElseThrow();
        assertThat(resume.token()).contains("10");

        CompletableFuture<RunReport> rest = connector.readAsync(resume, record -> delivered.add(record.asInt()));
        source.answerNext();
        source.answerNext();
        source.answerNext();
        assertThat(rest.get(10, TimeUnit.SECONDS).completed()).isTrue();
        assertThat(delivered).isEqualTo(numbers(0, 20));
    }

    @Test
    void cancellingEndsTheRunAndCancelsThePageOnItsWay() throws Exception {
        HeldPages source = new HeldPages(new OffsetPages(20, 5));
        Connector<JsonNode> connector = Connector.builder("numbers", source).build();
        List<Integer> delivered = new ArrayList<>();

        CompletableFuture<RunReport> read = connector.readAsync(record -> delivered.add(record.asInt()));
        source.answerNext();
        HeldPages.Held second = source.held.poll(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        read.cancel(true);

        assertThat(second.future()).as("the page on its way is cancelled").isCancelled();
        assertThatThrownBy(read::join).isInstanceOf(CancellationException.class);
        assertThat(delivered).isEqualTo(numbers(0, 5));
        assertThat(source.held).as("no page requested after the cancel").isEmpty();
        assertThat(connector.lastReport()).as("the run ended").hasValueSatisfying(r -> assertThat(r.completed()).isFalse());
        assertThat(source.pages.closed()).isEqualTo(source.pages.opened()).isEqualTo(1);
    }

    @Test
    void theDefaultOpenAsyncOpensOnAWaitingThreadAndClosesAPageThatArrivesAfterACancel() throws Exception {
        OffsetPages pages = new OffsetPages(20, 5);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch opening = new java.util.concurrent.CountDownLatch(1);
        List<Thread> openers = new java.util.concurrent.CopyOnWriteArrayList<>();
        PageSource slow = position -> {
            openers.add(Thread.currentThread());
            opening.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return pages.open(position);
        };

        CompletableFuture<OpenPage> page = slow.openAsync(Position.start());
        assertThat(opening.await(10, TimeUnit.SECONDS)).isTrue();
        page.cancel(true);
        release.countDown();

        assertThat(openers).doesNotContain(Thread.currentThread());
        PrefetchingSourceTest.eventually("the late page is closed", () -> pages.closed() == 1);
        assertThat(pages.opened()).isEqualTo(1);
    }

    @Test
    void aConsumerThatThrowsFailsTheFutureAndClosesThePage() throws Exception {
        HeldPages source = new HeldPages(new OffsetPages(20, 5));
        Connector<JsonNode> connector = Connector.builder("numbers", source).build();
        IllegalStateException refused = new IllegalStateException("the warehouse is full");

        CompletableFuture<RunReport> read = connector.readAsync(record -> {
            if (record.asInt() == 3) {
                throw refused;
            }
        });
        source.answerNext();

        assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).hasCause(refused);
        assertThat(source.pages.closed()).isEqualTo(source.pages.opened()).isEqualTo(1);
        assertThat(source.held).isEmpty();
    }
}
