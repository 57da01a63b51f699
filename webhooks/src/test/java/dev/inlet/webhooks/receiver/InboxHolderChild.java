package dev.inlet.webhooks.receiver;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link InboxLockTest}: opens a durable inbox on the directory in its first
 * argument, prints {@code OPEN}, and keeps it open until its stdin closes.
 */
public final class InboxHolderChild {

    private InboxHolderChild() {
    }

    /** Runs the child. */
    public static void main(String[] args) throws IOException {
        try (DurableInbox inbox = DurableInbox.open(Path.of(args[0]))) {
            System.out.println("OPEN " + inbox.pendingCount());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the inbox until the parent closes stdin.
            }
        }
    }
}
