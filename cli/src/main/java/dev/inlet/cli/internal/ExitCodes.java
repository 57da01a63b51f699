package dev.inlet.cli.internal;

/** The exit codes of every command (docs/cli.md). */
public final class ExitCodes {

    /** Done. */
    public static final int OK = 0;
    /** A request, the network, the server or the records failed at runtime. */
    public static final int RUNTIME_FAILURE = 1;
    /** The command line is wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;
    /** A definition file does not load (file:line:col on stderr). */
    public static final int DEFINITION_INVALID = 3;
    /** {@code check}: at least one stream's first page failed. */
    public static final int CHECK_FAILED = 4;
    /** {@code import openapi}: the document cannot be read or has no list operation. */
    public static final int IMPORT_FAILED = 5;

    private ExitCodes() {
    }
}
