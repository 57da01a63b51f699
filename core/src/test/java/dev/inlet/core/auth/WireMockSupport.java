package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.http.Origin;

/** WireMock servers on ephemeral loopback ports, and the URLs of them the tests use. */
final class WireMockSupport {

    private WireMockSupport() {
    }

    /** A server extension: loopback only, a dynamic port, enough threads for 16 concurrent clients. */
    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(48))
                .build();
    }

    /** {@code http://127.0.0.1:<port>}. */
    static String base(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    static Origin origin(WireMockExtension server) {
        return Origin.of(base(server));
    }
}
