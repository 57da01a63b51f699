package dev.inlet.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal damaged in the middle is not a torn tail: loud, quarantined, and resynchronised. */
class JournalDamageTest {

    private static final Instant EXPIRES = Instant.now().plusSeconds(3600);

    @Test
    void damageInTheMiddleKeepsEveryIntactEventAfterItAndAQuarantinedCopy(@TempDir Path dir) throws IOException {
        DurableInbox inbox = DurableInbox.open(dir);
        for (int i = 0; i < 40; i++) {
            inbox.append(event("evt_" + i), EXPIRES);
        }
        inbox.close();
        Path journal = dir.resolve(DurableInbox.FILE_NAME);
        byte[] bytes = Files.readAllBytes(journal);
        List<Integer> frames = frameOffsets(bytes);
        assertThat(frames).hasSizeGreaterThanOrEqualTo(40);
        // Damage frame 20 (both its header and payload), as a bad sector or a second writer would.
        int at = frames.get(20);
        for (int i = at + 2; i < at + 30; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(journal, bytes);

        DurableInbox reopened = DurableInbox.open(dir);
        List<String> ids = reopened.takeRecovered().stream().map(e -> e.id().orElseThrow()).toList();
        int regions = reopened.damagedRegions();
        reopened.close();

        assertThat(ids).hasSize(39).doesNotContain("evt_20").contains("evt_19", "evt_21", "evt_39");
        assertThat(regions).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> quarantined = files.filter(p -> p.getFileName().toString().startsWith("inbox.journal.damaged-"))
                    .toList();
            assertThat(quarantined).hasSize(1);
            assertThat(Files.readAllBytes(quarantined.get(0))).isEqualTo(bytes);
        }
        // The repaired journal opens cleanly: no damage reported twice, the same 39 events pending.
        DurableInbox third = DurableInbox.open(dir);
        assertThat(third.damagedRegions()).isZero();
        assertThat(third.pendingCount()).isEqualTo(39);
        third.close();
    }

    @Test
    void aTornTailIsStillCutWithAWarningAndNoQuarantine(@TempDir Path dir) throws IOException {
        DurableInbox inbox = DurableInbox.open(dir);
        for (int i = 0; i < 5; i++) {
            inbox.append(event("evt_" + i), EXPIRES);
        }
        inbox.close();
        Path journal = dir.resolve(DurableInbox.FILE_NAME);
        byte[] bytes = Files.readAllBytes(journal);
        int last = frameOffsets(bytes).get(frameOffsets(bytes).size() - 1);
        Files.write(journal, java.util.Arrays.copyOf(bytes, last + 20));

        DurableInbox reopened = DurableInbox.open(dir);
        int recovered = reopened.takeRecovered().size();
        int regions = reopened.damagedRegions();
        reopened.close();

        assertThat(regions).isZero();
        assertThat(recovered).isGreaterThanOrEqualTo(4);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }

    @Test
    void aJournalInTheFormatWithoutMagicIsReadAndRewritten(@TempDir Path dir) throws IOException {
        ByteBuffer legacy = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < 3; i++) {
            byte[] payload = InboxRecords.accepted(event("old_" + i).withSequence(i + 1), EXPIRES.toEpochMilli());
            CRC32C crc = new CRC32C();
            crc.update(payload);
            legacy.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        }
        Files.write(dir.resolve(DurableInbox.FILE_NAME), java.util.Arrays.copyOf(legacy.array(), legacy.position()));

        DurableInbox inbox = DurableInbox.open(dir);
        List<String> ids = inbox.takeRecovered().stream().map(e -> e.id().orElseThrow()).toList();
        inbox.close();

        assertThat(ids).containsExactly("old_0", "old_1", "old_2");
        assertThat(ByteBuffer.wrap(Files.readAllBytes(dir.resolve(DurableInbox.FILE_NAME))).getInt())
                .as("rewritten with the frame magic").isEqualTo(0x494E4C4A);
    }

    private static WebhookEvent event(String id) {
        return new WebhookEvent("/hooks/a", id, "t", "primary", Headers.of("webhook-id", id),
                ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), Instant.now(), -1);
    }

    /** Offsets of the frames: magic, length, checksum, payload. */
    private static List<Integer> frameOffsets(byte[] bytes) {
        List<Integer> offsets = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int at = 0;
        while (at + 12 <= bytes.length) {
            offsets.add(at);
            at += 12 + buffer.getInt(at + 4);
        }
        return offsets;
    }
}
