package dev.inlet.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** WireMock helpers for the pipeline tests. */
final class Stubs {

    private Stubs() {
    }

    /**
     * Answers successive requests to the path (any method) with the given responses in order; the
     * last one answers every request after that.
     */
    static void sequence(WireMockExtension server, String path, ResponseDefinitionBuilder... responses) {
        String scenario = "sequence " + path;
        for (int i = 0; i < responses.length; i++) {
            var stub = any(urlPathEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i).willReturn(responses[i]);
            if (i < responses.length - 1) {
                stub = stub.willSetStateTo("step " + (i + 1));
            }
            server.stubFor(stub);
        }
    }
}
