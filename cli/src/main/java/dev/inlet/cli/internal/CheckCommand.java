package dev.inlet.cli.internal;

import dev.inlet.core.Connector;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.error.InletException;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.DefinitionException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** {@code inlet check FILE}: binds the definition (auth included) and fetches the first page of each stream. */
@Command(name = "check", description = "Fetch the first page of every stream (checks auth, paths and records).")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    InletCommand parent;

    @Mixin
    DefinitionOptions definition;

    @Override
    public Integer call() {
        Definition d = definition.load();
        BoundDefinition bound = definition.bind(d, dev.inlet.core.InletListener.none());
        int failed = 0;
        for (String name : d.streams()) {
            if (d.stream(name).orElseThrow().parent().isPresent()) {
                parent.context.out.println("skip " + name + ": substream (needs its parent's records)");
                continue;
            }
            long started = System.nanoTime();
            try {
                Connector<JsonNode> connector = bound.connector(name);
                Page<JsonNode> page = connector.fetch(Position.start());
                parent.context.out.printf("ok   %s: %d records on the first page%s (%d ms)%n", name, page.size(),
                        page.next().isPresent() ? ", more pages" : "", (System.nanoTime() - started) / 1_000_000);
            } catch (DefinitionException e) {
                throw e;
            } catch (InletException e) {
                failed++;
                parent.context.out.println("FAIL " + name + ": " + Cli.message(e).substring("inlet: ".length()));
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

}
