package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.testing.ListPageSource;
import dev.inlet.core.testing.RecordingListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** Run ids on the listener events, and the run in {@link RunContext} and the MDC while it works. */
class RunContextTest {

    private static final List<String> KEYS = List.of(RunContext.MDC_CONNECTOR, RunContext.MDC_STREAM,
            RunContext.MDC_RUN_ID);

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static ListPageSource twoPages() {
        JsonNode a = Json.mapper().createObjectNode().put("n", 1);
        JsonNode b = Json.mapper().createObjectNode().put("n", 2);
        return new ListPageSource(List.of(List.of(a), List.of(b)));
    }

    /** What the MDC and RunContext held when a page was opened. */
    private static final class Spying implements PageSource {
        final PageSource inner;
        final List<Map<String, String>> mdcAtOpen = new ArrayList<>();
        final List<Optional<RunContext>> contextAtOpen = new ArrayList<>();

        Spying(PageSource inner) {
            this.inner = inner;
        }

        @Override
        public OpenPage open(Position position) {
            Map<String, String> seen = new HashMap<>();
            KEYS.forEach(k -> seen.put(k, MDC.get(k)));
            mdcAtOpen.add(seen);
            contextAtOpen.add(RunContext.current());
            return inner.open(position);
        }
    }

    @Test
    void everyRunEventCarriesTheRunsIdAndRunsHaveDifferentIds() {
        RecordingListener listener = new RecordingListener();
        Connector<JsonNode> connector = Connector.builder("orders", twoPages()).listener(listener).build();

        String first;
        try (ConnectorRun<JsonNode> run = connector.open()) {
            first = run.id();
            run.records().forEach(r -> { });
        }
        try (ConnectorRun<JsonNode> run = connector.open()) {
            assertThat(run.id()).isNotEqualTo(first).matches("[0-9a-f]{16}");
        }

        assertThat(listener.of(InletListener.RunStarted.class)).extracting(InletListener.RunStarted::runId)
                .first().isEqualTo(first);
        assertThat(listener.of(InletListener.PageStarted.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.runId()).isEqualTo(first));
        assertThat(listener.of(InletListener.PageDone.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.runId()).isEqualTo(first));
        List<InletListener.RunFinished> finished = listener.of(InletListener.RunFinished.class);
        assertThat(finished).hasSize(2);
        assertThat(finished.get(0).runId()).isEqualTo(first);
        assertThat(finished.get(0).report().valid()).isEqualTo(2);
        assertThat(listener.events().get(listener.events().size() - 1)).as("connectorDone stays last")
                .isInstanceOf(RunReport.class);
    }

    @Test
    void theMdcCarriesConnectorStreamAndRunWhileTheRunWorksAndIsClearedBetweenReads() {
        Spying source = new Spying(twoPages());
        Connector<JsonNode> connector = Connector.builder("orders", source).build();

        try (ConnectorRun<JsonNode> run = connector.open()) {
            assertThat(run.hasNext()).isTrue();
            KEYS.forEach(k -> assertThat(MDC.get(k)).as("between reads: " + k).isNull());
            assertThat(RunContext.current()).isEmpty();
            run.next();
            run.next();
            assertThat(run.hasNext()).isFalse();

            assertThat(source.mdcAtOpen).hasSize(2).allSatisfy(mdc -> {
                assertThat(mdc.get(RunContext.MDC_CONNECTOR)).isEqualTo("orders");
                assertThat(mdc.get(RunContext.MDC_STREAM)).isEqualTo("orders");
                assertThat(mdc.get(RunContext.MDC_RUN_ID)).isEqualTo(run.id());
            });
            assertThat(source.contextAtOpen).allSatisfy(c -> assertThat(c)
                    .contains(new RunContext("orders", "orders", run.id())));
        }
        KEYS.forEach(k -> assertThat(MDC.get(k)).as("after the run: " + k).isNull());
    }

    @Test
    void whatTheMdcHeldBeforeIsRestoredAfterward() {
        MDC.put(RunContext.MDC_CONNECTOR, "outer");
        Spying source = new Spying(twoPages());
        Connector<JsonNode> connector = Connector.builder("inner", source).build();

        try (Stream<JsonNode> records = connector.records()) {
            assertThat(records.count()).isEqualTo(2);
        }

        assertThat(source.mdcAtOpen.get(0).get(RunContext.MDC_CONNECTOR)).isEqualTo("inner");
        assertThat(MDC.get(RunContext.MDC_CONNECTOR)).isEqualTo("outer");
        assertThat(MDC.get(RunContext.MDC_RUN_ID)).isNull();
    }

    @Test
    void aRunReadInsideAnotherRunsWorkNestsAndRestoresTheOuterRun() {
        Connector<JsonNode> inner = Connector.builder("inner", twoPages()).build();
        List<String> outerAfterInner = new ArrayList<>();
        PageSource outerSource = new PageSource() {
            final PageSource pages = twoPages();

            @Override
            public OpenPage open(Position position) {
                try (Stream<JsonNode> records = inner.records()) {
                    records.forEach(r -> { });
                }
                outerAfterInner.add(MDC.get(RunContext.MDC_CONNECTOR) + "/" + RunContext.current()
                        .map(RunContext::connector).orElse("none"));
                return pages.open(position);
            }
        };
        Connector<JsonNode> outer = Connector.builder("outer", outerSource).build();

        try (Stream<JsonNode> records = outer.records()) {
            assertThat(records.count()).isEqualTo(2);
        }

        assertThat(outerAfterInner).containsExactly("outer/outer", "outer/outer");
        assertThat(RunContext.current()).isEmpty();
    }

    @Test
    void listenerEventsOfARunSeeItAsTheCurrentRun() {
        List<Optional<RunContext>> seen = new ArrayList<>();
        InletListener listener = new InletListener() {
            @Override
            public void pageDone(PageDone event) {
                seen.add(RunContext.current());
            }

            @Override
            public void runFinished(RunFinished event) {
                seen.add(RunContext.current());
            }
        };
        Connector<JsonNode> connector = Connector.builder("orders", twoPages()).listener(listener).build();
        String id;
        try (ConnectorRun<JsonNode> run = connector.open()) {
            id = run.id();
            run.pages().forEach(p -> { });
        }
        assertThat(seen).hasSize(3).allSatisfy(c -> assertThat(c.map(RunContext::runId)).contains(id));
    }
}
