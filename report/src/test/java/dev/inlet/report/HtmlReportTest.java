package dev.inlet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.report.internal.Html;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The report without a browser: the page parses as XML (so every element is closed and every value
 * escaped), has the structure the browser test counts, says the same for the same input, and turns no
 * data into markup.
 */
class HtmlReportTest {

    private final String html = SampleReport.report().render();
    private final Document page = parse(html);

    @Test
    void isOneSelfContainedPageWithoutScriptOrAnythingFromElsewhere() {
        assertThat(count("//script")).isZero();
        assertThat(count("//*[@src or @href or @srcset or @action]")).isZero();
        assertThat(count("//link | //iframe | //object | //embed | //img | //image | //use")).isZero();
        assertThat(html).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
        // the only absolute URLs: SVG's namespace name, and the sample's masked request URLs as escaped text
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").replace("https://api.example", "")
                .replace("https://h.example", "")).doesNotContain("http://").doesNotContain("https://");
        assertThat(text("/html/@lang")).isEqualTo("en");
        assertThat(text("//meta[@http-equiv='Content-Security-Policy']/@content")).startsWith("default-src 'none'");
    }

    @Test
    void escapesEveryHostileValueAsText() {
        assertThat(count("//img | //script")).isZero();
        assertThat(html).doesNotContain("<img").doesNotContain("</script>").doesNotContain("onerror=alert(1)>");
        assertThat(text("/html/head/title")).isEqualTo("Nightly sync " + SampleReport.HOSTILE);
        assertThat(text("//h1")).isEqualTo("Nightly sync " + SampleReport.HOSTILE);
        assertThat(count("//*[normalize-space(text())=\"" + "msg_forged_0" + "\"]")).isEqualTo(1);
        // the hostile text arrives intact, as text, in the runs, timeline, quarantine and refused tables
        for (String table : List.of("runs", "timeline-events", "quarantine-reasons", "quarantine-records",
                "refused-deliveries")) {
            assertThat(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;amp;")).isTrue();
            assertThat(nodes("//table[@class='" + table + "']//*[contains(text(), '" + "onerror=alert(1)" + "')]")
                    .getLength()).as(table).isPositive();
        }
        assertThat(Html.escape("a\u0000b\uD800c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    }

    @Test
    void drawsAPointOrBarPerValueAndAnAxisPerChart() {
        assertThat(count("//svg")).as("three charts and the timeline").isEqualTo(4);
        assertThat(count("//svg[@role='img' and title and desc]")).isEqualTo(4);
        String revenue = "//svg[@data-kind='line']";
        assertThat(count(revenue + "//circle[@class='point' and @data-series='0']")).as("EUR every day").isEqualTo(7);
        assertThat(count(revenue + "//circle[@class='point' and @data-series='1']")).as("USD: one day missing")
                .isEqualTo(6);
        assertThat(text(revenue + "//g[@data-series='1']/path/@d")).as("the line breaks at the gap").contains(" M");
        assertThat(count("(//svg[@data-kind='bar'])[1]//rect[@class='bar']")).isEqualTo(7);
        assertThat(text("(//svg[@data-kind='bar'])[1]//rect[@class='bar'][1]/title")).isEqualTo(
                "charges, 2026-03-26: 14");
        assertThat(text(revenue + "//text[contains(@class,'y-label')]")).isEqualTo("revenue");
        assertThat(text(revenue + "//text[contains(@class,'x-label')]")).isEqualTo("day (Europe/Berlin)");
        assertThat(count(revenue + "//text[contains(@class,'x-tick')]")).isEqualTo(7);
        assertThat(text(revenue + "//text[contains(@class,'x-tick')][4]")).as("summer time starts on 03-29")
                .isEqualTo("03-29");
        assertThat(count(revenue + "//g[@class='legend-items']/text")).isEqualTo(2);
        assertThat(text(revenue + "/desc")).contains("2 series over 7 days from 2026-03-26 to 2026-04-01");
    }

    @Test
    void negativeValuesGetBarsBelowZero() {
        String hostile = "(//svg[@data-kind='bar'])[2]";
        assertThat(count(hostile + "//rect[@class='bar']")).isEqualTo(2);
        assertThat(nodes(hostile + "//text[contains(@class,'tick') and text()='0']").getLength()).isEqualTo(1);
        assertThat(nodes(hostile + "//text[contains(@class,'tick') and starts-with(text(),'-')]").getLength())
                .isPositive();
    }

    @Test
    void timelineHasALanePerConnectorAndAMarkPerEvent() {
        String timeline = "//svg[@data-kind='timeline']";
        assertThat(count(timeline + "//g[@class='lane']")).isEqualTo(2);
        assertThat(count(timeline + "//g[@class='lane']//*[contains(@class,'ev-page')]")).isEqualTo(10);
        assertThat(count(timeline + "//g[@class='lane']//*[contains(@class,'ev-retry')]")).isEqualTo(1);
        assertThat(count(timeline + "//g[@class='lane']//*[contains(@class,'ev-rate-limit')]")).isEqualTo(1);
        assertThat(count(timeline + "//g[@class='lane']//*[contains(@class,'ev-quarantine')]")).isEqualTo(1);
        assertThat(count(timeline + "//g[@class='lane']//*[contains(@class,'ev-run-done')]")).isEqualTo(2);
        assertThat(count("//table[@class='timeline-events']/tbody/tr")).as("all but the pages")
                .isEqualTo(1 + 1 + 1 + 1 + 1 + 2);
    }

    @Test
    void tablesHaveARowPerInputRowAndHeadersWithScope() {
        assertThat(count("//table[@class='runs']/tbody/tr")).isEqualTo(2);
        assertThat(count("//table[@class='refused-deliveries']/tbody/tr")).isEqualTo(SampleReport.REFUSED);
        assertThat(count("//table[@class='quarantine-reasons']/tbody/tr")).isEqualTo(3);
        assertThat(count("//table[@class='quarantine-records']/tbody/tr")).as("one per violation").isEqualTo(2);
        assertThat(count("//table[@class='chart-data']")).isEqualTo(3);
        assertThat(count("(//table[@class='chart-data'])[1]/tbody/tr")).isEqualTo(7);
        assertThat(count("//th[not(@scope)]")).isZero();
        assertThat(count("//table[not(caption)]")).isZero();
        assertThat(text("//table[@class='runs']/tbody/tr[2]/td[1]")).isEqualTo("failed: " + SampleReport.HOSTILE);
    }

    @Test
    void sameInputSamePage() {
        assertThat(SampleReport.report().render()).isEqualTo(html);
    }

    @Test
    void aTableShowsAtMostItsRowLimitAndCountsTheRest() {
        List<RefusedDelivery> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new RefusedDelivery(Instant.EPOCH.plusSeconds(i), "/w", "d" + i, 401, "bad signature"));
        }
        Document small = parse(HtmlReport.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .refusedDeliveries(many).maxRowsPerTable(10).build().render());
        assertThat(nodes(small, "//table[@class='refused-deliveries']/tbody/tr").getLength()).isEqualTo(10);
        assertThat(text(small, "//p[@class='note']")).startsWith("20 more rows not shown");
    }

    @Test
    void anEmptyReportStillParsesAndSaysWhatItLacks() {
        Document empty = parse(HtmlReport.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .timeline(RunTimeline.create()).refusedDeliveries(List.of())
                .chart(Chart.line("Nothing yet").build()).build().render());
        assertThat(text(empty, "//title")).isEqualTo(HtmlReport.DEFAULT_TITLE);
        assertThat(text(empty, "//svg//text[@class='empty']")).isEqualTo("No data");
        assertThat(text(empty, "//section[@id='timeline']/p")).isEqualTo("No events were recorded.");
        assertThat(text(empty, "//section[@id='refused']/p")).isEqualTo("No delivery was refused.");
    }

    @Test
    void hugeAndTinyValuesStayShort() {
        ChartSeries series = new ChartSeries("s", List.of(
                new ChartPoint(Instant.EPOCH, new BigDecimal("1E+999999999")),
                new ChartPoint(Instant.EPOCH.plusSeconds(86_400), new BigDecimal("0.5"))));
        String rendered = HtmlReport.builder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .chart(Chart.line("big").series(series).build()).build().render();
        assertThat(rendered.length()).isLessThan(50_000);
        Document big = parse(rendered);
        assertThat(nodes(big, "//circle[@class='point']").getLength()).as("the infinite one is left out").isEqualTo(1);
        assertThat(text(big, "(//table[@class='chart-data']/tbody/tr)[1]/td")).isEqualTo("1E+999999999");
    }

    @Test
    void writesTheFileWholeAndReturnsItsAbsolutePath(@TempDir Path dir) throws Exception {
        Path written = SampleReport.report().writeTo(dir.resolve("sub/report.html"));
        assertThat(written).isAbsolute().exists();
        assertThat(Files.readString(written)).isEqualTo(html);
        try (var files = Files.list(written.getParent())) {
            assertThat(files).as("no temp file left").containsExactly(written);
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Chart.line("x").series("s", SampleReport.charges(), "refunds"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no metric 'refunds'")
                .hasMessageContaining("[charges, revenue]");
        assertThatThrownBy(() -> Chart.line("x").seriesBy(SampleReport.charges(), "revenue", "country"))
                .hasMessageContaining("no dimension 'country'");
        assertThatThrownBy(() -> new ChartSeries("s", List.of(new ChartPoint(Instant.EPOCH, BigDecimal.ONE),
                new ChartPoint(Instant.EPOCH, BigDecimal.TEN)))).hasMessageContaining("two points at 1970-01-01T00:00:00Z");
        Chart.Builder many = Chart.line("x");
        for (int i = 0; i <= Chart.MAX_SERIES; i++) {
            many.series(new ChartSeries("s" + i, List.of()));
        }
        assertThatThrownBy(many::build).hasMessageContaining("9 series; at most 8");
    }

    private int count(String xpath) {
        return nodes(xpath).getLength();
    }

    private NodeList nodes(String xpath) {
        return nodes(page, xpath);
    }

    private String text(String xpath) {
        return text(page, xpath);
    }

    private static NodeList nodes(Document document, String xpath) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    private static String text(Document document, String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    /** Parses the page as XML (no DTD loaded, no entities expanded): fails on anything not well-formed. */
    static Document parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the report is not well-formed: " + e.getMessage(), e);
        }
    }
}
