package dev.inlet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report in a real browser: Debian's headless Chromium, driven through Debian's chromedriver by
 * Selenium (never downloaded: both paths are given, so Selenium Manager stays idle). It opens the
 * written file, counts charts, points, bars, axis labels and table rows in the DOM the browser built,
 * fails on any console message of level SEVERE, checks that a 375 px wide screen needs no horizontal
 * scrolling, and keeps screenshots in {@code target/} for people to look at.
 *
 * <p>Without Chromium the test fails and says how to install it ({@code .ci/run} does). Other paths:
 * {@code -Dinlet.chromium=...} and {@code -Dinlet.chromedriver=...}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserReportTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("inlet.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("inlet.chromedriver", "/usr/bin/chromedriver"));
    private static final Path TARGET = Path.of("target");

    private Path profile;
    private ChromeDriver browser;
    private Path file;

    @BeforeAll
    void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs Debian's headless Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "). Install them with: sudo apt-get update && sudo apt-get install -y chromium chromium-driver "
                    + "(.ci/run does this), or point -Dinlet.chromium and -Dinlet.chromedriver at other binaries.");
        }
        Files.createDirectories(TARGET);
        file = SampleReport.report().writeTo(TARGET.resolve("report-sample.html"));
        profile = Files.createTempDirectory("inlet-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theBrowserDrawsEveryChartPointBarAndRow() {
        open(1280);
        assertThat(browser.getTitle()).isEqualTo("Nightly sync " + SampleReport.HOSTILE);
        assertThat(all("svg.chart")).hasSize(4);
        assertThat(all("svg[data-kind=line] circle.point[data-series='0']")).hasSize(7);
        assertThat(all("svg[data-kind=line] circle.point[data-series='1']")).hasSize(6);
        assertThat(all("svg[data-kind=bar] rect.bar")).hasSize(7 + 2);
        assertThat(all("svg[data-kind=timeline] g.lane")).hasSize(2);
        assertThat(all("svg[data-kind=timeline] g.lane .ev-page")).hasSize(10);
        WebElement revenue = browser.findElement(By.cssSelector("svg[data-kind=line]"));
        assertThat(revenue.findElement(By.cssSelector("text.y-label")).getText()).isEqualTo("revenue");
        assertThat(revenue.findElement(By.cssSelector("text.x-label")).getText()).isEqualTo("day (Europe/Berlin)");
        assertThat(revenue.findElements(By.cssSelector("text.x-tick"))).extracting(WebElement::getText)
                .containsExactly("03-26", "03-27", "03-28", "03-29", "03-30", "03-31", "04-01");
        assertThat(all("table.runs tbody tr")).hasSize(2);
        assertThat(all("table.refused-deliveries tbody tr")).hasSize(SampleReport.REFUSED);
        assertThat(all("table.quarantine-reasons tbody tr")).hasSize(3);
        assertThat(all("img, script, iframe")).as("no hostile value became markup").isEmpty();
        // the chart really has an extent: the browser laid the SVG out and its points inside it
        Map<?, ?> box = (Map<?, ?>) js("var r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height};",
                revenue);
        assertThat(((Number) box.get("w")).doubleValue()).isGreaterThan(600);
        assertThat(((Number) box.get("h")).doubleValue()).isGreaterThan(200);
        screenshot("report-screenshot.png");
        assertThat(severe()).as("console errors").isEmpty();
    }

    @Test
    void aNarrowScreenNeedsNoHorizontalScrolling() {
        open(375);
        assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(375);
        long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
        assertThat(overflow).as("the page is wider than the screen by").isLessThanOrEqualTo(0);
        double chartWidth = ((Number) js("return document.querySelector('svg.chart').getBoundingClientRect().width;"))
                .doubleValue();
        assertThat(chartWidth).as("charts shrink with their viewBox, to a legible minimum").isEqualTo(540);
        long figureScroll = ((Number) js("var f = document.querySelector('figure'); "
                + "return f.scrollWidth - f.clientWidth;")).longValue();
        assertThat(figureScroll).as("the chart's frame scrolls, not the page").isPositive();
        screenshot("report-screenshot-narrow.png");
        assertThat(severe()).as("console errors").isEmpty();
    }

    @Test
    void theConsoleCheckSeesAnError() throws Exception {
        // the check above can fail: a page that logs an error is caught by it
        Path broken = TARGET.resolve("report-console-error.html");
        Files.writeString(broken, "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body>"
                + "<script>console.error('inlet report test: deliberate error')</script></body></html>");
        browser.get(broken.toUri().toString());
        assertThat(severe()).anySatisfy(m -> assertThat(m).contains("deliberate error"));
    }

    private void open(int width) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
        browser.get(file.toUri().toString());
    }

    private List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The console messages of level SEVERE since the last call (reading the log empties it). */
    private List<String> severe() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** A screenshot of the whole page (the viewport grown to the page's height), kept in target/. */
    private void screenshot(String name) {
        int width = ((Number) js("return window.innerWidth;")).intValue();
        int height = ((Number) js("return document.documentElement.scrollHeight;")).intValue();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                Math.min(height, 12_000), "deviceScaleFactor", 1, "mobile", width < 600));
        try {
            Files.write(TARGET.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
