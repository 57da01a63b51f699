package dev.inlet.cli.internal;

import dev.inlet.declarative.Definition;
import dev.inlet.declarative.StreamDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code inlet streams FILE}: the definition's streams, one row each. */
@Command(name = "streams", description = "List the streams of a definition.")
final class StreamsCommand implements Callable<Integer> {

    @ParentCommand
    InletCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The definition file.")
    Path file;

    @Override
    public Integer call() {
        Definition definition = dev.inlet.declarative.Definitions.load(file);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("stream", "request", "records", "paginator", "incremental", "parent"));
        for (String name : definition.streams()) {
            StreamDefinition s = definition.stream(name).orElseThrow();
            rows.add(List.of(name, s.isGraphQl() ? "graphql" : s.method() + " " + s.path(),
                    s.records().orElse("(body)"), s.paginator(), s.cursorField().orElse("-"), s.parent().orElse("-")));
        }
        Table.print(rows, parent.context.out);
        return ExitCodes.OK;
    }
}
