package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inlet.core.validation.ChargeDataset;
import dev.inlet.core.validation.ChargeDataset.Charge;
import dev.inlet.core.validation.ChargeDataset.Defect;
import dev.inlet.core.validation.ChargeDataset.Variant;
import dev.inlet.core.validation.InMemoryPages;
import dev.inlet.core.validation.StrictMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import dev.inlet.core.error.InvalidRecordException;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Violation;

/**
 * The connector policies on 10,000 raw records of which a known 3% are invalid, each validated by
 * rules and by the equivalent JSON Schema: exactly the invalid records are rejected, with exactly
 * their reasons, and every other record arrives, typed and exact.
 */
class ConnectorValidationPolicyTest {

    private static final int SIZE = 10_000;
    private static final int DEFECTIVE = 300;
    private static final int PAGE_SIZE = 250;
    private static final ChargeDataset DATA = ChargeDataset.generate(SIZE, DEFECTIVE, 20_260_101L);

    private static Connector<Charge> connector(Variant variant, InvalidRecordPolicy policy) {
        return Connector.builder("charges", InMemoryPages.paged(DATA.records(), PAGE_SIZE))
                .validator(ChargeDataset.validator(variant))
                .mapper(StrictMapping.to(Charge.class))
                .onInvalid(policy)
                .build();
    }

    @Test
    void theDatasetIsWhatTheTestsAssume() {
        assertThat(DATA.records()).hasSize(SIZE);
        assertThat(DATA.defects()).hasSize(DEFECTIVE);
        assertThat(DATA.defects().values()).containsOnly(Defect.values());
        assertThat(DATA.defects().keySet().iterator().next()).as("first invalid record").isPositive();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void skipDeliversEveryValidRecordAndCountsEveryRejection(Variant variant) {
        Connector<Charge> charges = connector(variant, InvalidRecordPolicy.SKIP);

        List<Charge> delivered;
        try (Stream<Charge> records = charges.records()) {
            delivered = records.toList();
        }

        assertThat(delivered).isEqualTo(DATA.validRecords().stream().map(ChargeDataset::expectedCharge).toList());
        RunReport report = charges.lastReport().orElseThrow();
        assertThat(report.recordsSeen()).isEqualTo(SIZE);
        assertThat(report.valid()).isEqualTo(SIZE - DEFECTIVE);
        assertThat(report.rejected()).isEqualTo(DEFECTIVE);
        assertThat(report.pages()).isEqualTo(SIZE / PAGE_SIZE);
        assertThat(report.completed()).isTrue();
        assertThat(report.failure()).isEmpty();
        assertThat(report.rejectedByRule()).isEqualTo(expectedCountsByRule(variant));
        assertRejectionsAreExactly(report.firstRejections(), first(20), variant);
        assertThat(((InMemoryQuarantine) charges.quarantine()).size()).as("SKIP quarantines nothing").isZero();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void quarantineHandsEveryRejectedRecordWithAllItsReasonsToTheSink(Variant variant) {
        Connector<Charge> charges = connector(variant, InvalidRecordPolicy.QUARANTINE);

        List<Charge> delivered = charges.records().toList();

        assertThat(delivered).hasSize(SIZE - DEFECTIVE);
        assertThat(delivered).isEqualTo(DATA.validRecords().stream().map(ChargeDataset::expectedCharge).toList());
        List<Rejection> quarantined = ((InMemoryQuarantine) charges.quarantine()).rejections();
        assertRejectionsAreExactly(quarantined, new ArrayList<>(DATA.defects().keySet()), variant);
        assertThat(charges.lastReport().orElseThrow().rejected()).isEqualTo(DEFECTIVE);
    }

    @Test
    void aHostSinkReceivesTheRejectionsAndTheyCanBeReplayedOnceFixed() {
        List<Rejection> sink = new CopyOnWriteArrayList<>();
        Connector<Charge> charges = Connector.builder("charges", InMemoryPages.paged(DATA.records(), PAGE_SIZE))
                .validator(ChargeDataset.validator(Variant.RULES))
                .mapper(StrictMapping.to(Charge.class))
                .onInvalid(InvalidRecordPolicy.QUARANTINE)
                .quarantine(sink::add)
                .build();
        charges.records().forEach(charge -> { });

        // Replay: repair the missing ids from the rejection's position and run them through again.
        List<JsonNode> repaired = sink.stream()
                .filter(r -> r.violations().get(0).rule().equals("required"))
                .map(r -> (JsonNode) ((tools.jackson.databind.node.ObjectNode) r.record().deepCopy())
                        .put("id", "ch_" + r.recordNumber()))
                .toList();
        List<Charge> replayed = Connector.builder("charges-replay", InMemoryPages.paged(repaired, PAGE_SIZE))
                .validator(ChargeDataset.validator(Variant.RULES))
                .mapper(StrictMapping.to(Charge.class))
                .build()
                .records().toList();

        assertThat(sink).hasSize(DEFECTIVE);
        assertThat(replayed).hasSize((int) DATA.defects().values().stream().filter(d -> d == Defect.MISSING_ID).count());
        assertThat(replayed).extracting(Charge::id).allMatch(id -> id.startsWith("ch_"));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void failStopsAtTheFirstInvalidRecordNamingEverythingNeededToFindIt(Variant variant) {
        int firstBad = DATA.defects().keySet().iterator().next();
        Defect defect = DATA.defects().get(firstBad);
        int page = firstBad / PAGE_SIZE;
        int index = firstBad % PAGE_SIZE;
        Connector<Charge> charges = connector(variant, InvalidRecordPolicy.FAIL);
        List<Charge> delivered = new ArrayList<>();

        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> charges.records().forEach(delivered::add));

        assertThat(delivered).hasSize(firstBad);
        Violation reason = e.rejection().violations().get(0);
        assertThat(e.getMessage())
                .contains("connector 'charges'")
                .contains("page " + (page + 1))
                .contains("record " + index)
                .contains(reason.pointer())
                .contains("[" + reason.rule() + "]")
                .contains(reason.message());
        assertThat(e.connector()).contains("charges");
        assertThat(e.rejection().record()).isEqualTo(DATA.records().get(firstBad));
        assertThat(e.rejection().recordNumber()).isEqualTo(firstBad);
        assertThat(pairs(e.rejection().violations())).isEqualTo(pairs(defect.expected(variant)));
        Position resume = e.resumePosition().orElseThrow();
        assertThat(resume.pageIndex()).isEqualTo(page);
        assertThat(resume.skip()).isEqualTo(index);
        RunReport report = charges.lastReport().orElseThrow();
        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).hasValueSatisfying(message -> assertThat(message).contains(reason.pointer()));
        assertThat(report.resumePosition()).contains(resume);
    }

    @Test
    void afterAFailureTheRunResumesAtTheInvalidRecordSoNothingIsLost() {
        Connector<Charge> failing = connector(Variant.RULES, InvalidRecordPolicy.FAIL);
        List<Charge> delivered = new ArrayList<>();
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> failing.records().forEach(delivered::add));

        Connector<Charge> skipping = connector(Variant.RULES, InvalidRecordPolicy.SKIP);
        skipping.records(e.resumePosition().orElseThrow()).forEach(delivered::add);

        assertThat(delivered).isEqualTo(DATA.validRecords().stream().map(ChargeDataset::expectedCharge).toList());
        assertThat(skipping.lastReport().orElseThrow().rejected()).isEqualTo(DEFECTIVE);
    }

    @Test
    void pagesCarryTheirOwnRejections() {
        Connector<Charge> charges = connector(Variant.SCHEMA, InvalidRecordPolicy.SKIP);
        int rejected = 0;
        int records = 0;

        for (Page<Charge> page : charges.pages().toList()) {
            assertThat(page.size()).isEqualTo(PAGE_SIZE);
            int base = page.position().pageIndex() * PAGE_SIZE;
            for (Rejection r : page.rejections()) {
                assertThat(DATA.defects()).containsKey(base + r.indexInPage());
            }
            rejected += page.rejections().size();
            records += page.records().size();
        }

        assertThat(rejected).isEqualTo(DEFECTIVE);
        assertThat(records).isEqualTo(SIZE - DEFECTIVE);
    }

    @Test
    void moneyArrivesExactly() {
        BigDecimal expected = DATA.validRecords().stream()
                .map(r -> new BigDecimal(r.get("amount").stringValue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        BigDecimal total = connector(Variant.RULES, InvalidRecordPolicy.SKIP).records()
                .map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(total).isEqualTo(expected);
        assertThat(total.scale()).isEqualTo(2);
    }

    private static List<Integer> first(int n) {
        return DATA.defects().keySet().stream().limit(n).toList();
    }

    private static Map<String, Long> expectedCountsByRule(Variant variant) {
        Map<String, Long> counts = new HashMap<>();
        for (Defect defect : DATA.defects().values()) {
            for (Violation v : defect.expected(variant)) {
                counts.merge(v.rule(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The rejections are exactly those of these dataset indexes, in order, with exactly their reasons. */
    private static void assertRejectionsAreExactly(List<Rejection> rejections, List<Integer> indexes, Variant variant) {
        assertThat(rejections).extracting(Rejection::recordNumber)
                .containsExactlyElementsOf(indexes.stream().map(Integer::longValue).toList());
        for (Rejection rejection : rejections) {
            int index = (int) rejection.recordNumber();
            assertThat(rejection.connector()).isEqualTo("charges");
            assertThat(rejection.record()).isEqualTo(DATA.records().get(index));
            assertThat(rejection.page().pageIndex()).isEqualTo(index / PAGE_SIZE);
            assertThat(rejection.indexInPage()).isEqualTo(index % PAGE_SIZE);
            assertThat(pairs(rejection.violations())).as("reasons of record %d", index)
                    .isEqualTo(pairs(DATA.defects().get(index).expected(variant)));
            assertThat(rejection.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
        }
    }

    private static List<String> pairs(List<Violation> violations) {
        return violations.stream().map(v -> v.pointer() + " " + v.rule()).toList();
    }
}
