package dev.inlet.bench.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.inlet.bench.harness.Fork;
import dev.inlet.bench.harness.Stats;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.receiver.WebhookServer;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One forked JVM of the webhook throughput benchmark: starts one server (Inlet's
 * {@link WebhookServer} with a Stripe endpoint and a no-op handler, or a bare JDK {@code HttpServer}
 * that drains the body and answers 200 without verifying anything), sends warm-up deliveries, then
 * the measured ones, and reports deliveries per second and latency percentiles.
 *
 * <p>Arguments: {@code inlet|bare concurrency warmupRequests measuredRequests}.
 */
public final class WebhookChild {

    private static final String PATH = "/hooks/stripe";

    private WebhookChild() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws Exception {
        Map<String, Object> result = measure(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        System.out.println(Fork.resultLine(result));
        System.out.flush();
        System.exit(0);
    }

    /** Runs the scenario in this JVM. */
    public static Map<String, Object> measure(String kind, int concurrency, int warmup, int measured)
            throws Exception {
        AtomicLong handled = new AtomicLong();
        AutoCloseable server;
        int port;
        if (kind.equals("inlet")) {
            WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.stripe()).secret(StripeEvents.SECRET)
                    .build();
            WebhookReceiver receiver = WebhookReceiver.builder().endpoint(WebhookEndpoint.builder(PATH, verifier)
                    .handler(event -> handled.incrementAndGet()).build()).build();
            WebhookServer inlet = WebhookServer.builder(receiver).host("127.0.0.1").port(0).build();
            inlet.start();
            port = inlet.port();
            server = inlet;
        } else if (kind.equals("bare")) {
            HttpServer bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            // The same number of I/O threads as WebhookServer's default.
            ExecutorService io = Executors.newFixedThreadPool(8);
            bare.setExecutor(io);
            bare.createContext(PATH, exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    body.readAllBytes();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                handled.incrementAndGet();
            });
            bare.start();
            port = bare.getAddress().getPort();
            server = () -> {
                bare.stop(0);
                io.shutdownNow();
            };
        } else {
            throw new IllegalArgumentException("unknown server " + kind);
        }
        Senders warm = Senders.prepare(port, PATH, 0, warmup);
        Senders timed = Senders.prepare(port, PATH, warmup, measured);
        Senders.Result first = warm.send(port, concurrency);
        long cpuBefore = dev.inlet.bench.harness.Quiet.processCpuMillis();
        long switchesBefore = dev.inlet.bench.harness.Quiet.contextSwitches();
        Senders.Result result = timed.send(port, concurrency);
        long cpu = dev.inlet.bench.harness.Quiet.processCpuMillis() - cpuBefore;
        long switches = dev.inlet.bench.harness.Quiet.contextSwitches() - switchesBefore;
        server.close();
        long expected = (long) warmup + measured;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", kind);
        out.put("ok", result.ok());
        out.put("failed", result.failed() + first.failed());
        out.put("handled", handled.get());
        out.put("complete", handled.get() == expected && first.ok() + result.ok() == expected);
        out.put("rate", String.format(Locale.ROOT, "%.0f", result.ok() / result.seconds()));
        out.put("p50us", Stats.percentile(result.latenciesNanos(), 50) / 1000);
        out.put("p99us", Stats.percentile(result.latenciesNanos(), 99) / 1000);
        out.put("p999us", Stats.percentile(result.latenciesNanos(), 99.9) / 1000);
        // CPU of the whole JVM (senders included) per measured delivery: less noisy than the rate on a shared machine.
        out.put("cpuUsPerDelivery", cpu * 1000 / Math.max(1, measured));
        out.put("switchesPerDelivery", String.format(Locale.ROOT, "%.1f", (double) switches / Math.max(1, measured)));
        return out;
    }
}
