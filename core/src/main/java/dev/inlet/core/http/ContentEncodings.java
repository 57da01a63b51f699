package dev.inlet.core.http;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.Headers;
import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes a response's {@code Content-Encoding}: Inlet asks for {@value #ACCEPTED} and decompresses
 * what comes, so decoders always see the plain body. Guards against zip bombs with the
 * {@link ReadLimits#maxCompressionRatio()} (the decompressed size is bounded by
 * {@link ReadLimits#maxBodyBytes()} above this). Another encoding is a non-retryable
 * {@link DecodingException} naming it: the same request would get the same body.
 */
final class ContentEncodings {

    /** The {@code Accept-Encoding} Inlet sends unless the request sets its own. */
    static final String ACCEPTED = "gzip, deflate";

    private ContentEncodings() {
    }

    /**
     * The response with its body decoded and {@code Content-Encoding} and {@code Content-Length}
     * removed (they describe the bytes on the wire), or the response itself when it is not encoded.
     *
     * @throws DecodingException for an encoding Inlet cannot decode, on a 2xx response (another
     *     status keeps its raw body, so that its status is what the caller sees)
     */
    static Response decode(Response response, ReadLimits limits) {
        List<String> encodings = encodings(response.headers());
        if (encodings.isEmpty()) {
            return response;
        }
        for (String encoding : encodings) {
            if (!encoding.equals("gzip") && !encoding.equals("x-gzip") && !encoding.equals("deflate")) {
                if (!response.isSuccessful()) {
                    return response;
                }
                response.close();
                throw new DecodingException("The response from " + response.request() + " has Content-Encoding '"
                        + String.join(", ", encodings) + "', which Inlet cannot decode (it decodes gzip and deflate)",
                        -1, "", "Inlet asks for '" + ACCEPTED + "'; if a request sets its own Accept-Encoding, "
                                + "name only those", null, false);
            }
        }
        Counting wire = new Counting(response.body());
        InputStream body = wire;
        // Applied in the order listed, so undone in reverse.
        for (int i = encodings.size() - 1; i >= 0; i--) {
            body = new Inflating(body, encodings.get(i));
        }
        String what = response.request().toString();
        Headers headers = response.headers().toBuilder().remove("Content-Encoding").remove("Content-Length").build();
        return new Response(response.request(), response.status(), headers,
                new RatioGuard(body, wire, limits, String.join(", ", encodings), what),
                response.info().sentAt(), response.info().elapsed());
    }

    private static List<String> encodings(Headers headers) {
        List<String> out = new ArrayList<>();
        for (String value : headers.all("Content-Encoding")) {
            for (String part : value.split(",")) {
                String encoding = part.trim().toLowerCase(Locale.ROOT);
                if (!encoding.isEmpty() && !encoding.equals("identity")) {
                    out.add(encoding);
                }
            }
        }
        return out;
    }

    /** Counts the bytes that came over the wire. */
    private static final class Counting extends InputStream {
        private final InputStream in;
        private long count;

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Decompresses lazily: the gzip header is read on the first read, by the reader, under the read
     * timeout, not while the pipeline hands the response on. A corrupt stream is a non-retryable
     * decoding failure; one that ends early is a truncation (an I/O failure, retried).
     */
    private static final class Inflating extends InputStream {
        private final InputStream in;
        private final String encoding;
        private InputStream inflater;

        Inflating(InputStream in, String encoding) {
            this.in = in;
            this.encoding = encoding;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                if (inflater == null) {
                    inflater = open();
                }
                return inflater.read(buffer, offset, length);
            } catch (EOFException e) {
                EOFException truncated = new EOFException("the " + encoding + "-encoded body ended early: "
                        + e.getMessage());
                truncated.initCause(e);
                throw truncated;
            } catch (ZipException e) {
                throw new DecodingException("The " + encoding + "-encoded body is corrupt (Content-Encoding: "
                        + encoding + "): " + e.getMessage(), -1, "",
                        "The server's compression is broken; a retry gets the same bytes", e, false);
            }
        }

        private InputStream open() throws IOException {
            PushbackInputStream peek = new PushbackInputStream(in, 2);
            int first = peek.read();
            int second = first < 0 ? -1 : peek.read();
            if (second >= 0) {
                peek.unread(second);
            }
            if (first >= 0) {
                peek.unread(first);
            }
            if (first < 0) {
                // An empty body (a 204, or an empty page) labelled as compressed: nothing to inflate.
                return InputStream.nullInputStream();
            }
            if (!encoding.equals("deflate")) {
                return new GZIPInputStream(peek, 8192);
            }
            // "deflate" is zlib-wrapped by the standard, but some servers send raw deflate: a zlib
            // stream starts with a CMF byte of 0x?8 whose 16-bit header is a multiple of 31.
            boolean zlib = first >= 0 && second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
            return new InflaterInputStream(peek, new Inflater(!zlib), 8192);
        }

        @Override
        public void close() throws IOException {
            // Closing the inflater closes the stream below it; an empty body's inflater does not.
            in.close();
            if (inflater != null) {
                inflater.close();
            }
        }
    }

    /** Fails a body that expands more than the ratio allows. */
    private static final class RatioGuard extends InputStream {
        private final InputStream in;
        private final Counting wire;
        private final ReadLimits limits;
        private final String encoding;
        private final String what;
        private long decoded;

        RatioGuard(InputStream in, Counting wire, ReadLimits limits, String encoding, String what) {
            this.in = in;
            this.wire = wire;
            this.limits = limits;
            this.encoding = encoding;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                decoded += n;
                if (decoded > ReadLimits.RATIO_CHECK_AFTER_BYTES
                        && decoded > (double) limits.maxCompressionRatio() * Math.max(1, wire.count)) {
                    throw new LimitExceededException("The " + encoding + "-encoded body from " + what + " expands "
                            + "more than maxCompressionRatio (" + limits.maxCompressionRatio() + " to 1) allows: "
                            + ReadLimits.describeBytes(decoded) + " from " + ReadLimits.describeBytes(wire.count)
                            + " (a zip bomb?)", "maxCompressionRatio", decoded, "", null);
                }
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
