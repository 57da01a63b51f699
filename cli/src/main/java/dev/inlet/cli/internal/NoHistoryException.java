package dev.inlet.cli.internal;

import dev.inlet.core.error.InletException;

/**
 * {@code metrics --history}: the database holds no stored point of the metric at its grain in the range asked
 * (never stored, stored at another grain, or outside {@code --from}/{@code --to}). Exit 1; the message says
 * how to store some.
 */
final class NoHistoryException extends InletException {

    private static final long serialVersionUID = 1L;

    NoHistoryException(String message, String hint) {
        super(message, hint, null);
    }
}
