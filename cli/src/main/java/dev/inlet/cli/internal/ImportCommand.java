package dev.inlet.cli.internal;

import dev.inlet.declarative.openapi.ImportResult;
import dev.inlet.declarative.openapi.OpenApiImporter;
import dev.inlet.declarative.openapi.OperationFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code inlet import openapi SPEC}: a draft definition from an OpenAPI document. */
@Command(name = "import", description = "Draft a definition from another description of the API.",
        subcommands = ImportCommand.OpenApi.class)
final class ImportCommand implements Runnable {

    @ParentCommand
    InletCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a source kind is required: openapi");
    }

    /** {@code inlet import openapi SPEC [--operations ID,...] [-o FILE] [--name NAME]}. */
    @Command(name = "openapi", description = "Draft a definition from an OpenAPI 2.0 or 3.x document; "
            + "every guess is marked `# guess:` in the output.")
    static final class OpenApi implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Parameters(index = "0", paramLabel = "SPEC", description = "The OpenAPI document (JSON or YAML).")
        Path spec;

        @Option(names = "--operations", split = ",", paramLabel = "ID",
                description = "Only these operations: operationIds or paths (default: every list operation).")
        List<String> operations = new ArrayList<>();

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the draft here (default: stdout).")
        Path output;

        @Option(names = "--name", paramLabel = "NAME", description = "The definition's name (default: from the title).")
        String name;

        @Override
        public Integer call() {
            OpenApiImporter.Builder builder = OpenApiImporter.builder().operations(operations);
            if (name != null) {
                try {
                    builder.name(name);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            ImportResult result = builder.build().importSpec(spec);
            Context context = parent.parent.context;
            if (output == null) {
                context.out.print(result.yaml());
            } else {
                try {
                    Files.writeString(output, result.yaml(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            long paged = result.operations().stream().filter(o -> o.paginator().isPresent()).count();
            context.err.println("inlet: " + result.operations().size() + " streams drafted (" + paged
                    + " with a paginator" + (result.operations().stream().anyMatch(o -> o.auth().isPresent())
                    ? ", auth found" : ", no auth in the document") + "); confirm every `# guess:` line"
                    + (output == null ? "" : "; written to " + output));
            for (OperationFinding f : result.operations()) {
                if (!f.notes().isEmpty()) {
                    context.err.println("  " + f.stream() + " (GET " + f.path() + "): " + String.join("; ", f.notes()));
                }
            }
            return ExitCodes.OK;
        }
    }
}
