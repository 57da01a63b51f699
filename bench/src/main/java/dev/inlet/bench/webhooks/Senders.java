package dev.inlet.bench.webhooks;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookSigner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator: concurrent senders, each on its own kept-alive connection, posting
 * pre-rendered, Stripe-signed deliveries (each a distinct event) one after another and timing each
 * from the first byte sent to the end of the response. Rendering and signing happen before the
 * clock starts, so the senders cost the shared CPU as little as possible and the same for every
 * server.
 */
public final class Senders {

    private final List<byte[]> requests;
    private final AtomicLong next = new AtomicLong();

    private Senders(List<byte[]> requests) {
        this.requests = requests;
    }

    /** {@code count} distinct signed deliveries to {@code path} on the port, numbered from {@code first}. */
    public static Senders prepare(int port, String path, long first, int count) {
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.stripe()).secret(StripeEvents.SECRET).build();
        List<byte[]> requests = new ArrayList<>(count);
        for (long n = first; n < first + count; n++) {
            byte[] body = StripeEvents.bytes(n);
            String signature = signer.signatureHeaders(WebhookRequest.post("http://127.0.0.1" + path, Headers.empty(),
                    body)).first("Stripe-Signature").orElseThrow();
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: Stripe/1.0\r\n"
                    + "Content-Type: application/json; charset=utf-8\r\nStripe-Signature: " + signature
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            requests.add(request);
        }
        return new Senders(requests);
    }

    /** What the senders saw. */
    public record Result(long ok, long failed, double seconds, long[] latenciesNanos) {
    }

    /**
     * Sends every prepared request with {@code concurrency} senders and returns the 200s, the other
     * answers, the wall time, and each request's latency (sorted).
     */
    public Result send(int port, int concurrency) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[][] latencies = new long[concurrency][];
        Thread[] threads = new Thread[concurrency];
        long start = System.nanoTime();
        for (int s = 0; s < concurrency; s++) {
            int sender = s;
            threads[s] = new Thread(() -> latencies[sender] = sendLoop(port, ok, failed), "sender-" + s);
            threads[s].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = java.util.Arrays.stream(latencies).flatMapToLong(java.util.Arrays::stream).toArray();
        java.util.Arrays.sort(all);
        return new Result(ok.get(), failed.get(), seconds, all);
    }

    private long[] sendLoop(int port, AtomicLong ok, AtomicLong failed) {
        long[] latencies = new long[requests.size()];
        int done = 0;
        Socket socket = null;
        try {
            InputStream in = null;
            OutputStream out = null;
            long index;
            while ((index = next.getAndIncrement()) < requests.size()) {
                if (socket == null) {
                    socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    socket.setTcpNoDelay(true);
                    in = new BufferedInputStream(socket.getInputStream(), 4096);
                    out = socket.getOutputStream();
                }
                long start = System.nanoTime();
                out.write(requests.get((int) index));
                out.flush();
                int status = readResponse(in);
                latencies[done++] = System.nanoTime() - start;
                if (status == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }
        } catch (IOException e) {
            failed.incrementAndGet();
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The run is over for this sender.
                }
            }
        }
        return java.util.Arrays.copyOf(latencies, done);
    }

    /** Reads one response (head, and a Content-Length body if any) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(128);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed by the server");
            }
            head.append((char) b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString();
        int status = Integer.parseInt(text.substring(9, 12));
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        if (at >= 0) {
            int end = text.indexOf('\r', at);
            int length = Integer.parseInt(text.substring(at + 15, end).trim());
            in.readNBytes(length);
        }
        return status;
    }
}
