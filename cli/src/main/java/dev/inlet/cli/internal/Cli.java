package dev.inlet.cli.internal;

import dev.inlet.core.error.InletException;
import dev.inlet.declarative.DefinitionException;
import dev.inlet.declarative.openapi.OpenApiImportException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Wires picocli: the commands, one-line errors with their exit codes, stack traces only with --verbose. */
public final class Cli {

    private Cli() {
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Context context = new Context(out, err);
        CommandLine cli = new CommandLine(new InletCommand(context));
        helpEverywhere(cli);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("inlet: " + e.getMessage());
            err.println("Try 'inlet " + (e.getCommandLine().getCommandName().equals("inlet") ? ""
                    : e.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^inlet ", "") + " ")
                    + "--help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = exitCode(e);
            err.println(message(e));
            if (context.verbose) {
                e.printStackTrace(err);
            }
            return code;
        });
        return cli.execute(args);
    }

    /** {@code --help} on every command, as the "Try 'inlet read --help'" of a usage error promises. */
    private static void helpEverywhere(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(Cli::helpEverywhere);
    }

    static int exitCode(Throwable e) {
        if (e instanceof DefinitionException) {
            return ExitCodes.DEFINITION_INVALID;
        }
        if (e instanceof OpenApiImportException) {
            return ExitCodes.IMPORT_FAILED;
        }
        if (e instanceof UsageException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.RUNTIME_FAILURE;
    }

    /** One line: the exception's own message (DefinitionException's is file:line:col: path: problem). */
    static String message(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof InletException) && !(e instanceof UsageException)) {
            text = e.getClass().getSimpleName() + ": " + text;
            if (e instanceof UncheckedIOException && e.getCause() != null) {
                text = "cannot read or write: " + e.getCause().getMessage();
            }
        }
        String firstLine = text.lines().findFirst().orElse(text);
        return "inlet: " + firstLine;
    }
}
