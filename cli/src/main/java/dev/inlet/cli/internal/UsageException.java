package dev.inlet.cli.internal;

/** A command line that parses but makes no sense (a bad --input, an unknown --format target): exit 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
