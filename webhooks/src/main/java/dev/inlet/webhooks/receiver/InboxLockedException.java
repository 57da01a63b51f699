package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import java.nio.file.Path;

/**
 * A {@link DurableInbox} directory is already open, in another process (a second replica on the
 * same volume, an old instance during a rolling deploy) or in this one. Two inboxes on one journal
 * would overwrite each other's frames and lose acknowledged events, so the second opener is refused.
 */
public final class InboxLockedException extends WebhookConfigException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    InboxLockedException(Path directory, Path lockFile) {
        super("Durable inbox " + directory + " is already open in another process or in this one (lock "
                + lockFile.getFileName() + " is held)",
                "one inbox per directory: give each replica its own directory, or stop the other instance first");
        this.directory = directory;
    }

    /** The directory whose lock is held. */
    public Path directory() {
        return directory;
    }
}
