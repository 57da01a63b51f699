package dev.inlet.cli.internal;

import java.io.PrintStream;

/** What every command shares: the output streams and the global options. */
final class Context {

    final PrintStream out;
    final PrintStream err;
    boolean verbose;

    Context(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Progress goes to stderr only when it is a terminal; otherwise runs are quiet. */
    boolean interactive() {
        return System.console() != null;
    }
}
