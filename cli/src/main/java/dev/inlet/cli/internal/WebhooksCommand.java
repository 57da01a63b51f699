package dev.inlet.cli.internal;

import dev.inlet.core.InletListener;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.DefinitionException;
import dev.inlet.declarative.WebhookDefinition;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.receiver.WebhookServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code inlet webhooks serve FILE}: the receiver a definition's {@code webhooks:} section declares. */
@Command(name = "webhooks", description = "Receive the webhooks a definition declares.",
        subcommands = WebhooksCommand.Serve.class)
final class WebhooksCommand implements Runnable {

    @ParentCommand
    InletCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a webhooks command is required: serve");
    }

    /**
     * {@code inlet webhooks serve FILE [--port N] [--host ADDRESS]}: serves the definition's endpoint
     * (its path, signature scheme and secret) with the webhooks module's receiver and embedded server.
     * Each verified delivery is one NDJSON line on stdout (see {@link DeliveryPrinter}), or a row with
     * {@code --into} ({@link DeliveryTable}); each refused or
     * throttled one a line on stderr. Runs until stdin closes (exit 0) or the process is interrupted
     * (SIGINT/SIGTERM: the server stops accepting and drains, then the JVM exits 130/143).
     */
    @Command(name = "serve", description = "Run the definition's webhook receiver: verified deliveries as NDJSON "
            + "on stdout, refusals on stderr; stops when stdin closes or on Ctrl-C.")
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        WebhooksCommand parent;

        @Mixin
        DefinitionOptions definition;

        @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
                description = "The port (default 8080; 0 picks a free one, printed on stderr).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
                description = "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
        String host;

        @Option(names = "--into", paramLabel = "JDBC-URL",
                description = "Write verified deliveries into a table instead of stdout (upserted by id).")
        String into;

        @Option(names = "--table", paramLabel = "NAME", defaultValue = "webhook_deliveries",
                description = "The table for --into (default webhook_deliveries).")
        String table;

        @Option(names = "--refresh", description = "With --into: run the refresh each delivery's event type maps "
                + "to (events: {TYPE: {refresh: STREAM}}): the stream read into the same database, as read --into.")
        boolean refresh;

        @Option(names = "--ignore-stdin", description = "Do not stop when stdin closes (under a service manager); "
                + "stop with a signal.")
        boolean ignoreStdin;

        @Override
        public Integer call() throws InterruptedException {
            Context context = parent.parent.context;
            if (port < 0 || port > 65_535) {
                throw new UsageException("--port must be between 0 and 65535, was " + port);
            }
            if (into != null) {
                IntoOption.checkUrl(into);
            } else if (refresh) {
                throw new UsageException("--refresh needs --into: a refresh reads the stream into that database");
            }
            Definition d = definition.load();
            WebhookDefinition hooks = d.webhooks().orElseThrow(() -> new DefinitionException(definition.file.toString(),
                    1, 1, "webhooks", "the definition has no `webhooks:` section", "webhooks: {path, scheme, secret, "
                    + "events} (docs/definitions.md)", null, null));
            Set<String> refreshed = hooks.events().values().stream().flatMap(Optional::stream)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (refresh) {
                RefreshRunner.check(d, refreshed);
            }
            // The declared endpoint gives the path and the verifier (scheme, resolved secret, tolerance); the
            // refresh its router would ask for is named with each delivery, and run with --refresh after the
            // delivery's row is written (not by the router, which would run it before).
            BoundDefinition bound = definition.bind(d, InletListener.none());
            WebhookEndpoint declared = bound.webhookEndpoint(connector -> { }).orElseThrow();
            DeliveryTable rows = into == null ? null : new DeliveryTable(into, table);
            RefreshRunner refresher = !refresh ? null : new RefreshRunner(d, bound, refreshed, into, context);
            DeliveryPrinter printer = new DeliveryPrinter(hooks, context, rows,
                    refresher == null ? null : refresher::refresh);
            WebhookReceiver receiver = WebhookReceiver.builder()
                    .endpoint(WebhookEndpoint.builder(declared.path(), declared.verifier()).handler(printer).build())
                    .workers(1) // one worker: lines come out in the order deliveries were accepted
                    .listener(printer)
                    .build();
            WebhookServer server;
            try {
                server = WebhookServer.builder(receiver).host(host).port(port).build();
                server.start();
            } catch (RuntimeException e) {
                if (refresher != null) {
                    refresher.close();
                }
                throw e;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                server.close();
                if (refresher != null) {
                    refresher.close(); // after the drain: the last deliveries' refreshes are asked for first
                }
                context.err.println("inlet: stopped");
                stopped.countDown();
            }, "inlet-webhooks-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            context.err.println("inlet: listening on http://" + host + ":" + server.port() + declared.path() + " ("
                    + hooks.scheme() + (into == null ? "" : "; into " + table + " at " + IntoOption.redact(into))
                    + (refresher == null ? "" : "; refreshing " + String.join(", ", refreshed)) + "); " + (ignoreStdin ? "stop with Ctrl-C" : "stop with Ctrl-C or by closing stdin"));
            if (ignoreStdin) {
                stopped.await();
                return ExitCodes.OK;
            }
            drain(System.in);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                stopped.await(); // a signal came in meanwhile: the hook is closing the server
                return ExitCodes.OK;
            }
            hook.run();
            return ExitCodes.OK;
        }

        /** Reads stdin to its end: anything typed is ignored, end of input stops the server. */
        private static void drain(InputStream in) {
            byte[] buffer = new byte[1024];
            try {
                while (in.read(buffer) >= 0) {
                    // ignored
                }
            } catch (IOException e) {
                // stdin failing counts as closed
            }
        }
    }
}
