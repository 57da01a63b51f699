package dev.inlet.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on the socket transport against the JDK's HTTPS server with a certificate made for this class
 * (by the JDK's own {@code keytool}, for the name {@code localhost} only): trusted, untrusted, and a
 * name the certificate does not carry.
 */
class SocketTransportTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static HttpsServer server;
    private static SSLContext trusting;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool";
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            byte[] body = ("secure " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(String host, String path) {
        return "https://" + host + ":" + server.getAddress().getPort() + path;
    }

    @Test
    void aTrustedCertificateForTheNameServesRequestsOnOneConnection() throws IOException {
        try (SocketTransport transport = SocketTransport.builder().sslContext(trusting).build()) {
            for (String path : new String[] {"/a", "/b"}) {
                Response response = transport.send(Request.builder(url("localhost", path)).build(), Duration.ofSeconds(10));
                try (InputStream body = response.body()) {
                    assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("secure " + path);
                }
            }
            assertThat(transport.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        try (SocketTransport transport = SocketTransport.builder().build()) { // the JVM's default trust store
            assertThatThrownBy(() -> transport.send(Request.builder(url("localhost", "/")).build(), Duration.ofSeconds(10)))
                    .isInstanceOf(SSLException.class);
        }
    }

    @Test
    void aNameTheCertificateDoesNotCarryIsRefused() {
        try (SocketTransport transport = SocketTransport.builder().sslContext(trusting).build()) {
            assertThatThrownBy(() -> transport.send(Request.builder(url("127.0.0.1", "/")).build(), Duration.ofSeconds(10)))
                    .isInstanceOf(SSLException.class).hasMessageContaining("127.0.0.1");
        }
    }
}
