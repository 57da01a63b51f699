package dev.inlet.core;

/**
 * How one run reads a {@link PageSource}: opens its pages one after another, in order, and may work
 * ahead (see {@link PrefetchingSource}). A run asks its source for one with {@link PageSource#reader()}
 * and closes it when it ends, which cancels any work ahead and releases what it holds. Not
 * thread-safe: one run reads it.
 */
public interface PageReader extends AutoCloseable {

    /**
     * Opens the page at the position, exactly as {@link PageSource#open(Position)} would.
     *
     * @throws dev.inlet.core.error.InletException if the page cannot be fetched
     */
    OpenPage open(Position position);

    /** Cancels any work ahead and releases every page opened ahead; safe to call twice. */
    @Override
    void close();
}
