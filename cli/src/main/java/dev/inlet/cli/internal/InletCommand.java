package dev.inlet.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: {@code inlet [--verbose] COMMAND}. */
@Command(name = "inlet", mixinStandardHelpOptions = true, version = "inlet 0.1.0",
        description = "Connectors without code: check, run and draft Inlet definitions.",
        subcommands = {ValidateCommand.class, StreamsCommand.class, ReadCommand.class, CheckCommand.class,
                TraceCommand.class, MetricsCommand.class, WebhooksCommand.class, SchemaCommand.class, ImportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:runtime failure (network, server, records)", "2:usage",
                "3:definition invalid (file:line:col on stderr)", "4:check failed", "5:OpenAPI document unreadable",
                "130:webhooks serve stopped by SIGINT (143: SIGTERM)"})
final class InletCommand implements Runnable {

    final Context context;

    InletCommand(Context context) {
        this.context = context;
    }

    @Option(names = "--verbose", description = "Print stack traces of failures.", scope = picocli.CommandLine.ScopeType.INHERIT)
    void verbose(boolean verbose) {
        context.verbose = verbose;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
