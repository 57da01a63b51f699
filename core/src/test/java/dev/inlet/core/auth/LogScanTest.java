package dev.inlet.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link LogScanScenario} (every credential type, failing token endpoints and logins, retries,
 * a 401 replay, a cross-origin redirect) in a fresh JVM with Inlet's loggers at TRACE and scans
 * everything it wrote (log lines, listener events, exception messages and stack traces,
 * {@code toString()}s) for any secret. A separate JVM, because logging levels are fixed when
 * slf4j-simple starts, and this one's may already have started at INFO.
 */
class LogScanTest {

    @Test
    void noSecretReachesLogsEventsMessagesOrToStrings() throws Exception {
        String output = runScenario();

        assertThat(output).as("the scenario ran to its end").contains("SCENARIO COMPLETE")
                .contains("VERIFIED 10 kinds of credentials on the wire");
        assertThat(output).as("DEBUG and TRACE logging was on").contains("DEBUG dev.inlet.core.http.HttpPipeline")
                .contains("--> GET http://127.0.0.1:").contains("Retrying ");
        assertThat(output).as("headers were logged, masked").contains("Authorization=[***]")
                .contains("X-Api-Key=[***]").contains("Cookie=[***]").contains("X-Session-Token=[***]")
                .contains("X-Amz-Security-Token=[***]").contains("appid=***");
        assertThat(output).as("failures were reported")
                .contains("EXCEPTION dev.inlet.core.auth.AuthenticationException")
                .contains("invalid_client").contains("secret *** does not match")
                .contains("wrong password ***").contains("HTTP 503")
                .contains("The refresh-token rotation callback failed").contains("ROTATED Secret[***]");
        assertThat(output).as("listener events were recorded").contains("EVENT RequestSent[")
                .contains("EVENT ResponseReceived[").contains("EVENT RetryScheduled[");
        for (String secret : LogScanScenario.forbidden()) {
            assertThat(output).as("output must not contain a secret").doesNotContain(secret);
        }
    }

    private static String runScenario() throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", classpath,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.dev.inlet=trace",
                LogScanScenario.class.getName()))
                .redirectErrorStream(true)
                .start();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), captured));
        reader.start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(finished).as("the scenario finished within 90 s; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("the scenario's exit status; output:%n%s", output).isZero();
        return output;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // The process ended; what was read is the output.
        }
    }
}
