package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.ListPageSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import dev.inlet.core.error.InvalidRecordException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;

/** How a run reads pages, tracks where to resume, releases responses and reports. */
class ConnectorRunTest {

    private static JsonNode record(int n) {
        return Json.mapper().createObjectNode().put("n", n);
    }

    /** Pages of the given sizes, numbering records 0, 1, 2 … across pages. */
    private static ListPageSource pages(int... sizes) {
        List<List<JsonNode>> pages = new ArrayList<>();
        int n = 0;
        for (int size : sizes) {
            int from = n;
            pages.add(IntStream.range(from, from + size).mapToObj(ConnectorRunTest::record).toList());
            n += size;
        }
        return new ListPageSource(pages);
    }

    private static List<Integer> numbers(Stream<JsonNode> stream) {
        try (stream) {
            return stream.map(r -> r.get("n").asInt()).toList();
        }
    }

    @Test
    void recordsArePulledLazilyOnePageAtATime() {
        ListPageSource source = pages(3, 3, 3);
        Connector<JsonNode> connector = Connector.builder("lazy", source).build();

        try (Stream<JsonNode> records = connector.records()) {
            assertThat(source.opened()).isZero();
            assertThat(records.limit(4).map(r -> r.get("n").asInt()).toList()).containsExactly(0, 1, 2, 3);
            assertThat(source.opened()).isEqualTo(2);
        }
        assertThat(source.closed()).isEqualTo(source.opened());
    }

    @Test
    void exhaustingTheStreamReleasesEveryPageAndReportsCompletion() {
        ListPageSource source = pages(2, 0, 3);
        FakeClock clock = new FakeClock();
        List<InletListener.PageDone> pageEvents = new CopyOnWriteArrayList<>();
        List<RunReport> done = new CopyOnWriteArrayList<>();
        Connector<JsonNode> connector = Connector.builder("all", source).clock(clock).listener(new InletListener() {
            @Override
            public void pageDone(PageDone event) {
                pageEvents.add(event);
                clock.advance(Duration.ofSeconds(1));
            }

            @Override
            public void connectorDone(RunReport report) {
                done.add(report);
            }
        }).build();

        assertThat(numbers(connector.records())).containsExactly(0, 1, 2, 3, 4);
        assertThat(source.closed()).isEqualTo(3);
        assertThat(pageEvents).extracting(InletListener.PageDone::records).containsExactly(2, 0, 3);
        assertThat(done).singleElement().satisfies(r -> {
            assertThat(r.completed()).isTrue();
            assertThat(r.pages()).isEqualTo(3);
            assertThat(r.valid()).isEqualTo(5);
            assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(3));
            assertThat(r.resumePosition()).isEmpty();
            assertThat(r.summary()).contains("5 records").contains("3 pages");
        });
        assertThat(connector.lastReport()).contains(done.get(0));
    }

    @Test
    void thePositionAlwaysPointsAtTheFirstUndeliveredRecord() {
        Connector<JsonNode> connector = Connector.builder("pos", pages(3, 3)).build();
        try (ConnectorRun<JsonNode> run = connector.open()) {
            ConnectorRun<JsonNode> it = run;
            assertThat(run.position()).isEqualTo(Position.start());
            it.next();
            it.next();
            assertThat(run.position().skip()).isEqualTo(2);
            it.next();
            assertThat(it.hasNext()).isTrue();
            assertThat(run.position().token()).contains("p1");
            assertThat(run.position().skip()).isZero();
            assertThat(run.position().recordsBefore()).isEqualTo(3);
        }
    }

    @Test
    void pagesCarryTheirPositionsRecordsAndNext() {
        Connector<JsonNode> connector = Connector.builder("pages", pages(2, 1)).build();
        List<Page<JsonNode>> pages;
        try (Stream<Page<JsonNode>> stream = connector.pages()) {
            pages = stream.toList();
        }
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).records()).hasSize(2);
        assertThat(pages.get(0).next()).hasValueSatisfying(p -> assertThat(p.token()).contains("p1"));
        assertThat(pages.get(1).isLast()).isTrue();
    }

    @Test
    void aRunIsReadOnce() {
        ConnectorRun<JsonNode> run = Connector.builder("once", pages(1)).build().open();
        run.records().close();
        assertThatThrownBy(run::pages).isInstanceOf(IllegalStateException.class).hasMessageContaining("read once");
    }

    @Test
    void aFailureIsLocatedWithTheConnectorAndTheResumePosition() {
        ListPageSource healthy = pages(2, 2, 2);
        PageSource failsOnThirdPage = position -> {
            if (position.token().filter("p2"::equals).isPresent()) {
                throw new TransportException("GET http://test.invalid/items?page=2 failed: reset", false, null);
            }
            return healthy.open(position);
        };
        Connector<JsonNode> connector = Connector.builder("flaky", failsOnThirdPage).build();
        List<Integer> delivered = new ArrayList<>();

        TransportException e = org.junit.jupiter.api.Assertions.assertThrows(TransportException.class,
                () -> connector.records().forEach(r -> delivered.add(r.get("n").asInt())));

        assertThat(delivered).containsExactly(0, 1, 2, 3);
        assertThat(e.connector()).contains("flaky");
        assertThat(e.getMessage()).contains("connector 'flaky', page 3 (p2)");
        assertThat(numbers(Connector.builder("again", healthy).build().records(e.resumePosition().orElseThrow())))
                .containsExactly(4, 5);
        assertThat(connector.lastReport()).hasValueSatisfying(r -> {
            assertThat(r.completed()).isFalse();
            assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).contains("reset"));
        });
    }

    @Test
    void aListenerThatThrowsNeverBreaksTheRun() {
        Connector<JsonNode> connector = Connector.builder("robust", pages(2, 2)).listener(new InletListener() {
            @Override
            public void pageDone(PageDone event) {
                throw new IllegalStateException("listener bug");
            }
        }).build();
        assertThat(numbers(connector.records())).containsExactly(0, 1, 2, 3);
    }

    @Test
    void invalidRecordsFollowThePolicy() {
        RecordValidator evenOnly = r -> r.get("n").asInt() % 2 == 0 ? Validation.valid(r)
                : Validation.invalid(r, List.of(new Violation("/n", "even", "n must be even")));

        InMemoryQuarantine quarantine = new InMemoryQuarantine();
        Connector<JsonNode> quarantining = Connector.builder("q", pages(3, 3)).validator(evenOnly)
                .onInvalid(InvalidRecordPolicy.QUARANTINE).quarantine(quarantine).reportedRejections(2).build();
        assertThat(numbers(quarantining.records())).containsExactly(0, 2, 4);
        assertThat(quarantine.rejections()).extracting(r -> r.record().get("n").asInt()).containsExactly(1, 3, 5);
        assertThat(quarantine.rejections()).extracting(Rejection::recordNumber).containsExactly(1L, 3L, 5L);
        assertThat(quarantining.lastReport()).hasValueSatisfying(r -> {
            assertThat(r.rejected()).isEqualTo(3);
            assertThat(r.rejectedByRule()).containsEntry("even", 3L);
            assertThat(r.firstRejections()).hasSize(2);
        });

        Connector<JsonNode> failing = Connector.builder("f", pages(3, 3)).validator(evenOnly).build();
        try (ConnectorRun<JsonNode> run = failing.open()) {
            List<Integer> got = new ArrayList<>();
            InvalidRecordException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRecordException.class,
                    () -> run.records().forEach(r -> got.add(r.get("n").asInt())));
            assertThat(got).containsExactly(0);
            assertThat(e.rejection().indexInPage()).isEqualTo(1);
            assertThat(e.getMessage()).contains("record 1 of page 1").contains("/n").contains("n must be even")
                    .contains("connector 'f'");
            assertThat(e.resumePosition()).hasValueSatisfying(p -> assertThat(p.skip()).isEqualTo(1));
        }
    }

    @Test
    void theSingleStepMapsAndValidatesOnePage() {
        Connector<JsonNode> connector = Connector.builder("step", pages(2, 2)).validator(r -> r.get("n").asInt() == 1
                ? Validation.invalid(r, List.of(new Violation("", "one", "no ones"))) : Validation.valid(r))
                .onInvalid(InvalidRecordPolicy.SKIP).build();
        Page<JsonNode> first = connector.fetch(Position.start());
        assertThat(first.records()).extracting(r -> r.get("n").asInt()).containsExactly(0);
        assertThat(first.rejections()).hasSize(1);
        assertThat(first.size()).isEqualTo(2);
        Page<JsonNode> second = connector.fetch(first.next().orElseThrow());
        assertThat(second.records()).extracting(r -> r.get("n").asInt()).containsExactly(2, 3);
        assertThat(second.isLast()).isTrue();
    }

    @Test
    void aRunStoppedByAnInvalidRecordReportsThatRecord() {
        Connector<JsonNode> connector = Connector.builder("fail", pages(3)).validator(r -> r.get("n").asInt() == 1
                ? Validation.invalid(r, List.of(new Violation("/n", "odd", "no ones"))) : Validation.valid(r)).build();
        assertThatThrownBy(() -> numbers(connector.records())).isInstanceOf(InvalidRecordException.class);
        assertThat(connector.lastReport()).hasValueSatisfying(r -> {
            assertThat(r.rejected()).isEqualTo(1);
            assertThat(r.rejectedByRule()).containsEntry("odd", 1L);
            assertThat(r.firstRejections()).singleElement().satisfies(x -> assertThat(x.indexInPage()).isEqualTo(1));
            assertThat(r.resumePosition()).hasValueSatisfying(p -> assertThat(p.skip()).isEqualTo(1));
        });
    }

    @Test
    void rejectionsAreCountedByRecordPerRuleNotByViolation() {
        RecordValidator twoMissing = r -> Validation.invalid(r, List.of(new Violation("/a", "required", "a"),
                new Violation("/b", "required", "b"), new Violation("/c", "type", "c")));
        Connector<JsonNode> connector = Connector.builder("count", pages(2)).validator(twoMissing)
                .onInvalid(InvalidRecordPolicy.SKIP).build();
        assertThat(numbers(connector.records())).isEmpty();
        assertThat(connector.lastReport()).hasValueSatisfying(r -> {
            assertThat(r.rejected()).isEqualTo(2);
            assertThat(r.rejectedByRule()).containsEntry("required", 2L).containsEntry("type", 2L);
        });
    }

    @Test
    void aValidatorThatThrowsRejectsTheRecordInsteadOfEndingTheRun() {
        RecordValidator buggy = r -> {
            if (r.get("n").asInt() == 1) {
                throw new IllegalStateException("validator bug");
            }
            return Validation.valid(r);
        };
        Connector<JsonNode> connector = Connector.builder("buggy", pages(3)).validator(buggy)
                .onInvalid(InvalidRecordPolicy.SKIP).build();
        assertThat(numbers(connector.records())).containsExactly(0, 2);
        assertThat(connector.lastReport()).hasValueSatisfying(r -> {
            assertThat(r.rejectedByRule()).containsEntry("validator-error", 1L);
            assertThat(r.firstRejections().get(0).violations().get(0).message()).contains("validator bug");
        });
    }
}
