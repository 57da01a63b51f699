package dev.inlet.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's published Signature Version 4 test suite (see {@code src/test/resources/auth/sigv4/README.md}
 * for the source and the one erratum): each case's request is signed with the suite's credentials
 * and time, and the canonical request, string to sign and {@code Authorization} header must equal
 * the suite's files exactly.
 */
class AwsSigV4VectorsTest {

    // The suite's constants, from the AWS General Reference page of the suite.
    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final Secret SECRET_ACCESS_KEY = Secret.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final Origin ORIGIN = Origin.of("https://example.amazonaws.com");

    /** The case whose .creq signs Content-Length while its .sts and .authz do not (see the README). */
    private static final String ERRATUM = "post-x-www-form-urlencoded";

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root = Path.of(AwsSigV4VectorsTest.class.getResource("/auth/sigv4").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theSuiteIsAllThere() throws Exception {
        assertThat(cases().toList()).hasSize(28).contains("get-vanilla", "get-vanilla-query-order-key-case",
                "get-utf8", "get-space", "post-x-www-form-urlencoded", "post-header-key-sort",
                "post-sts-header-before");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signsTheCaseExactlyAsTheSuiteSays(String name) throws Exception {
        Vector vector = Vector.load(name);

        SigV4Canonical.Signed signed = signer(vector, false).sign(vector.request);

        String expectedCreq = name.equals(ERRATUM) ? withoutContentLength(vector.creq) : vector.creq;
        assertThat(signed.canonicalRequest()).isEqualTo(expectedCreq);
        assertThat(signed.stringToSign()).isEqualTo(vector.sts);
        assertThat(signed.authorization()).isEqualTo(vector.authz);
        assertThat(signed.request().headers().first("Authorization")).hasValue(vector.authz);
        assertThat(signed.request().headers().first("X-Amz-Date")).hasValue("20150830T123600Z");
        assertThat(Crypto.sha256Hex(signed.canonicalRequest().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(vector.sts.substring(vector.sts.lastIndexOf('\n') + 1));
    }

    /** The cases whose path has no percent-encoded character, where double encoding changes nothing. */
    static Stream<String> casesWithPlainPaths() throws IOException, URISyntaxException {
        return cases().filter(name -> !name.equals("get-space") && !name.equals("get-utf8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithPlainPaths")
    void theDefaultsGiveTheSameResultWhereThePathNeedsNoEncoding(String name) throws Exception {
        Vector vector = Vector.load(name);
        assertThat(vector.request.uri().getRawPath()).doesNotContain("%");

        assertThat(signer(vector, true).sign(vector.request).authorization()).isEqualTo(vector.authz);
    }

    @Test
    void signingContentLengthAsAwsSdksDoGivesTheErratumsCanonicalRequestExactly() throws Exception {
        Vector vector = Vector.load(ERRATUM);

        SigV4Canonical.Signed signed = builder(vector).doubleEncodePath(false).build().sign(vector.request);

        assertThat(signed.canonicalRequest()).isEqualTo(vector.creq);
        assertThat(signed.stringToSign()).endsWith(Crypto.sha256Hex(vector.creq.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The suite's signer: its one request with a body signs no Content-Length in its .sts and .authz
     * (see the README), so that case is signed with {@code signContentLength(false)}.
     */
    private static AwsSigV4 signer(Vector vector, boolean defaults) {
        AwsSigV4.Builder builder = builder(vector).signContentLength(vector.request.body().isEmpty());
        return (defaults ? builder : builder.doubleEncodePath(false)).build();
    }

    private static AwsSigV4.Builder builder(Vector vector) {
        return AwsSigV4.builder().origin(ORIGIN).region("us-east-1").service("service")
                .credentials(vector.credentials).clock(Clock.fixed(SUITE_TIME, ZoneOffset.UTC));
    }

    /** The suite's .creq for the erratum case, minus the Content-Length line and list entry. */
    private static String withoutContentLength(String creq) {
        return creq.replace("content-length:13\n", "").replace("content-length;", "");
    }

    /** One case: the request parsed from the .req file, and the expected strings. */
    private record Vector(Request request, AwsCredentials credentials, String creq, String sts, String authz) {

        static Vector load(String name) throws IOException, URISyntaxException {
            String req = read(name, "req");
            String[] headAndBody = req.split("\n\n", 2);
            String[] lines = headAndBody[0].split("\n");
            String requestLine = lines[0];
            String method = requestLine.substring(0, requestLine.indexOf(' '));
            String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            String query = q < 0 ? null : target.substring(q + 1);
            String host = null;
            Secret sessionToken = null;
            Request.Builder builder = null;
            java.util.List<String[]> headers = new java.util.ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String field = lines[i].substring(0, colon);
                String value = lines[i].substring(colon + 1);
                if (field.equalsIgnoreCase("Host")) {
                    host = value;
                } else if (field.equalsIgnoreCase("X-Amz-Security-Token")) {
                    sessionToken = Secret.of(value); // the signer must add it itself
                } else {
                    headers.add(new String[] {field, value});
                }
            }
            // The suite's paths are unencoded; the multi-argument URI constructor encodes them once.
            URI uri = URI.create(new URI("https", host, path, query, null).toASCIIString());
            builder = Request.builder(uri);
            for (String[] header : headers) {
                builder.addHeader(header[0], header[1]);
            }
            byte[] body = headAndBody.length > 1 ? headAndBody[1].getBytes(StandardCharsets.UTF_8) : null;
            builder.method(method, body);
            AwsCredentials credentials = sessionToken == null ? AwsCredentials.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                    : AwsCredentials.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY, sessionToken);
            return new Vector(builder.build(), credentials, read(name, "creq"), read(name, "sts"), read(name, "authz"));
        }

        private static String read(String name, String extension) throws IOException, URISyntaxException {
            Path file = Path.of(AwsSigV4VectorsTest.class.getResource("/auth/sigv4/" + name + "/" + name + "."
                    + extension).toURI());
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
