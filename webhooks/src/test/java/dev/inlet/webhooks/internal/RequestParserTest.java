package dev.inlet.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server's request reader: strict framing, bounded memory, pipelining. */
class RequestParserTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static RequestParser.Event headThenBody(RequestParser parser, ByteBuffer in, int max) {
        RequestParser.Event event = parser.feed(in);
        if (event != RequestParser.Event.HEAD) {
            return event;
        }
        event = parser.expectBody(max);
        return event == RequestParser.Event.NEED_MORE ? parser.feed(in) : event;
    }

    @Test
    void aFixedBodyGrowsWithWhatArrivesNotWithWhatWasDeclared() {
        RequestParser parser = new RequestParser(16384);
        ByteBuffer in = bytes("POST /h HTTP/1.1\r\nContent-Length: 1000000\r\n\r\n" + "x".repeat(10));

        assertThat(headThenBody(parser, in, 1 << 20)).isEqualTo(RequestParser.Event.NEED_MORE);
        assertThat(parser.bodyCapacity()).isLessThanOrEqualTo(8192);
        assertThat(parser.bodyBytesSeen()).isEqualTo(10);
        assertThat(parser.feed(bytes("y".repeat(999_990)))).isEqualTo(RequestParser.Event.COMPLETE);
        assertThat(parser.request(null).body()).hasSize(1_000_000);
    }

    @Test
    void ambiguousFramingIsRefused() {
        String[] heads = {
            "POST /h HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
            "POST /h HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n",
            "POST /h HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n",
            "POST /h HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            "POST h HTTP/1.1\r\n\r\n",
        };
        for (String head : heads) {
            RequestParser parser = new RequestParser(16384);
            assertThat(parser.feed(bytes(head))).as(head).isEqualTo(RequestParser.Event.BAD);
            assertThat(parser.badStatus()).as(head).isEqualTo(400);
        }
        RequestParser gzip = new RequestParser(16384);
        assertThat(gzip.feed(bytes("POST /h HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")))
                .isEqualTo(RequestParser.Event.BAD);
        assertThat(gzip.badStatus()).isEqualTo(501);
    }

    @Test
    void headAndBodyLimits() {
        RequestParser big = new RequestParser(1024);
        assertThat(big.feed(bytes("POST /h HTTP/1.1\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n")))
                .isEqualTo(RequestParser.Event.BAD);
        assertThat(big.badStatus()).isEqualTo(431);
        RequestParser declared = new RequestParser(1024);
        assertThat(headThenBody(declared, bytes("POST /h HTTP/1.1\r\nContent-Length: 101\r\n\r\n"), 100))
                .isEqualTo(RequestParser.Event.BAD);
        assertThat(declared.badStatus()).isEqualTo(413);
        RequestParser chunked = new RequestParser(1024);
        assertThat(headThenBody(chunked, bytes("POST /h HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n"
                + "z".repeat(101) + "\r\n0\r\n\r\n"), 100)).isEqualTo(RequestParser.Event.BAD);
        assertThat(chunked.badStatus()).isEqualTo(413);
    }

    @Test
    void chunkedBodiesAndPipelinedRequests() {
        RequestParser parser = new RequestParser(16384);
        ByteBuffer in = bytes("POST /h?x=1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: a\r\n\r\n3;ext=1\r\nabc\r\n"
                + "2\r\nde\r\n0\r\nTrailer: t\r\n\r\n" + "POST /g HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

        assertThat(headThenBody(parser, in, 100)).isEqualTo(RequestParser.Event.COMPLETE);
        ParsedRequest first = parser.request(null);
        parser.reset();
        assertThat(headThenBody(parser, in, 100)).isEqualTo(RequestParser.Event.COMPLETE);
        ParsedRequest second = parser.request(null);

        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("abcde");
        assertThat(first.path()).isEqualTo("/h");
        assertThat(first.query()).isEqualTo("x=1");
        assertThat(first.headers().first("host")).contains("a");
        assertThat(first.keepAlive()).isTrue();
        assertThat(second.path()).isEqualTo("/g");
        assertThat(second.keepAlive()).isFalse();
        assertThat(in.hasRemaining()).isFalse();
    }
}
