package dev.inlet.cli;

import dev.inlet.cli.internal.Cli;
import java.io.PrintStream;

/**
 * The {@code inlet} command line's entry point ({@code java -jar inlet.jar ...}; commands, options and
 * exit codes in {@code docs/cli.md}). Records go to standard output, errors and progress to standard
 * error.
 */
public final class Main {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        // Library logs (slf4j-simple, inside the jar) are for --verbose; failures reach stderr as one line anyway.
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, java.util.Arrays.asList(args).contains("--verbose") ? "info" : "warn");
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the arguments, as on the command line
     * @param out where records and results go
     * @param err where errors (and, on a terminal, progress) go
     * @return the exit code (0 ok, 1 runtime failure, 2 usage, 3 definition invalid, 4 check failed,
     *     5 OpenAPI document unreadable)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err);
    }
}
