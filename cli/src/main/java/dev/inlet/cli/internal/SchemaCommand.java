package dev.inlet.cli.internal;

import dev.inlet.declarative.Definitions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code inlet schema}: the definition format's JSON Schema, for editors. */
@Command(name = "schema", description = "Print the JSON Schema of the definition format.")
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    InletCommand parent;

    @Override
    public Integer call() {
        parent.context.out.println(Definitions.schema());
        return ExitCodes.OK;
    }
}
