package dev.inlet.cli.internal;

import dev.inlet.declarative.Definition;
import dev.inlet.declarative.DefinitionException;
import dev.inlet.declarative.Definitions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code inlet validate FILE...}: loads each definition; one line per file. */
@Command(name = "validate", description = "Check definition files without calling any API.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    InletCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definition files.")
    List<Path> files;

    @Override
    public Integer call() {
        int code = ExitCodes.OK;
        for (Path file : files) {
            try {
                Definition d = Definitions.load(file);
                parent.context.out.println("ok " + file + " (" + d.name() + ": " + d.streams().size() + " streams, "
                        + d.metrics().size() + " metrics" + (d.webhooks().isPresent() ? ", webhooks" : "") + ")");
            } catch (DefinitionException e) {
                parent.context.err.println(Cli.message(e));
                code = ExitCodes.DEFINITION_INVALID;
            }
        }
        return code;
    }
}
