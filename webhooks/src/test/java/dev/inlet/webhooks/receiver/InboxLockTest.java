package dev.inlet.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.InletException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One durable inbox per directory: a second opener, in another process or this one, is refused. */
class InboxLockTest {

    @Test
    void aSecondOpenerInThisJvmIsRefusedUntilTheFirstCloses(@TempDir Path dir) {
        DurableInbox first = DurableInbox.open(dir);

        assertThatThrownBy(() -> DurableInbox.open(dir))
                .isInstanceOf(InboxLockedException.class)
                .isInstanceOf(InletException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("already open")
                .satisfies(e -> assertThat(((InboxLockedException) e).directory()).isEqualTo(dir));

        first.close();
        DurableInbox again = DurableInbox.open(dir);
        assertThat(again.pendingCount()).isZero();
        again.close();
    }

    @Test
    @Timeout(60)
    void aSecondProcessIsRefusedAndTheLockDiesWithAKilledHolder(@TempDir Path dir) throws Exception {
        Process holder = startHolder(dir);
        try {
            assertThatThrownBy(() -> DurableInbox.open(dir))
                    .isInstanceOf(InboxLockedException.class)
                    .hasMessageContaining(dir.toString());
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        // kill -9 released the OS lock: the next instance starts.
        DurableInbox next = DurableInbox.open(dir);
        next.close();
    }

    @Test
    @Timeout(60)
    void aSecondProcessCannotOpenWhileThisOneHoldsTheInbox(@TempDir Path dir) throws Exception {
        DurableInbox mine = DurableInbox.open(dir);
        Process other = new ProcessBuilder(java(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                InboxHolderChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        mine.close();

        assertThat(other.exitValue()).isNotZero();
        assertThat(output).doesNotContain("OPEN").contains("InboxLockedException").contains(dir.toString());
    }

    private static Process startHolder(Path dir) throws Exception {
        Process child = new ProcessBuilder(java(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                InboxHolderChild.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(line).as("child opened the inbox").startsWith("OPEN");
        return child;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }
}
