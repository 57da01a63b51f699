package dev.inlet.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.InletListener;
import dev.inlet.core.error.OriginRefusedException;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.core.retry.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redirects: followed hop by hop, methods rewritten per RFC 9110, credentials never carried across origins. */
class RedirectTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HttpPipeline pipeline = HttpPipeline.builder().retryPolicy(RetryPolicy.none()).build();

    private static String text(Response response) throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void redirect(WireMockExtension server, String from, int status, String location) {
        server.stubFor(any(urlPathEqualTo(from)).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
    }

    private Request post(String path) {
        return Request.builder(api.baseUrl() + path).post("{\"q\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json").idempotent(true).build();
    }

    @ParameterizedTest(name = "{0} on {1} becomes {2}")
    @CsvSource({"301, POST, GET", "302, POST, GET", "303, POST, GET", "307, POST, POST", "308, POST, POST",
        "302, GET, GET", "303, GET, GET"})
    void theMethodAfterARedirectFollowsRfc9110(int status, String method, String expected) {
        redirect(api, "/from", status, "/to");
        api.stubFor(any(urlPathEqualTo("/to")).willReturn(ok("arrived")));
        Request request = method.equals("GET") ? Request.builder(api.baseUrl() + "/from").build() : post("/from");

        assertThat(pipeline.execute(request, RedirectTest::text)).isEqualTo("arrived");

        LoggedRequest arrived = api.findAll(anyRequestedFor(urlPathEqualTo("/to"))).get(0);
        assertThat(arrived.getMethod().getName()).isEqualTo(expected);
        if (expected.equals("POST")) {
            assertThat(arrived.getBodyAsString()).isEqualTo("{\"q\":1}");
        } else {
            assertThat(arrived.getBody()).isEmpty();
            assertThat(arrived.containsHeader("Content-Type")).isFalse();
        }
    }

    @Test
    void credentialsStayOnTheOriginTheyWereMeantFor() {
        redirect(api, "/same", 302, "/hop");
        redirect(api, "/hop", 302, other.baseUrl() + "/away");
        other.stubFor(any(urlPathEqualTo("/away")).willReturn(ok("elsewhere")));
        Request request = Request.builder(api.baseUrl() + "/same").header("Authorization", "Bearer s3cret")
                .header("X-Api-Key", "k3y").header("Accept", "application/json").build();

        HttpPipeline allowing = pipeline.toBuilder().allowRedirectsTo(Origin.of(other.baseUrl())).build();
        assertThat(allowing.execute(request, RedirectTest::text)).isEqualTo("elsewhere");

        assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/hop"))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer s3cret");
        LoggedRequest away = other.findAll(getRequestedFor(urlPathEqualTo("/away"))).get(0);
        assertThat(away.containsHeader("Authorization")).isFalse();
        assertThat(away.containsHeader("X-Api-Key")).isFalse();
        assertThat(away.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void everyHopPassesThroughTheInterceptorsSoCredentialsAreDecidedPerHop() {
        redirect(api, "/a", 307, "/b");
        redirect(api, "/b", 307, "/c");
        api.stubFor(any(urlPathEqualTo("/c")).willReturn(ok("c")));
        AtomicInteger hops = new AtomicInteger();
        HttpPipeline counting = pipeline.toBuilder().addInterceptor(chain -> {
            hops.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        assertThat(counting.execute(Request.builder(api.baseUrl() + "/a").build(), RedirectTest::text)).isEqualTo("c");
        assertThat(hops).hasValue(3);
    }

    @Test
    void aRedirectLoopStopsAfterMaxRedirectsWithAClearError() {
        redirect(api, "/loop", 302, "/loop");
        HttpStatusException e = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> pipeline.toBuilder().maxRedirects(3).build().send(Request.builder(api.baseUrl() + "/loop").build()));
        assertThat(e.status()).isEqualTo(302);
        assertThat(e.getMessage()).contains("Stopped after 3 redirects");
        api.verify(4, getRequestedFor(urlPathEqualTo("/loop")));
    }

    @Test
    void withNoRedirectsAllowedARedirectIsAnError() {
        redirect(api, "/moved", 301, "/new");
        HttpStatusException e = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> pipeline.toBuilder().maxRedirects(0).build().send(Request.builder(api.baseUrl() + "/moved").build()));
        assertThat(e.getMessage()).contains("maxRedirects is 0");
        api.verify(0, getRequestedFor(urlPathEqualTo("/new")));
    }

    @Test
    void aRedirectToAnotherOriginIsRefusedWithAnEventUnlessThatOriginIsAllowed() {
        redirect(api, "/data", 302, other.baseUrl() + "/records?sig=s1gn3d");
        other.stubFor(any(urlPathEqualTo("/records")).willReturn(ok("foreign records")));
        RecordingListener listener = new RecordingListener();
        HttpPipeline refusing = pipeline.toBuilder().listener(listener).build();

        OriginRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(OriginRefusedException.class,
                () -> refusing.execute(Request.builder(api.baseUrl() + "/data").build(), RedirectTest::text));

        assertThat(e.getMessage()).contains(Origin.of(api.baseUrl()).toString())
                .contains(Origin.of(other.baseUrl()).toString()).contains("allowOrigin(").doesNotContain("s1gn3d");
        other.verify(0, anyRequestedFor(urlPathEqualTo("/records")));
        assertThat(listener.of(InletListener.OriginRefused.class)).singleElement().satisfies(event -> {
            assertThat(event.target()).startsWith(other.baseUrl() + "/records").doesNotContain("s1gn3d");
            assertThat(event.url()).isEqualTo(api.baseUrl() + "/data");
        });

        HttpPipeline allowing = pipeline.toBuilder().allowRedirectsTo(Origin.of(other.baseUrl())).build();
        assertThat(allowing.execute(Request.builder(api.baseUrl() + "/data").build(), RedirectTest::text))
                .isEqualTo("foreign records");
    }

    @ParameterizedTest(name = "Location {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "ftp://files.example.com/x?token=s3cr3t-t0ken|'ftp://files.example.com/x?token=***'",
        "http://exa mple.com/p?sig=s3cr3t-t0ken|'http://exa mple.com/p?***' (not a valid URI)"})
    void aLocationThatCannotBeFollowedIsNamedMaskedNotCalledALoop(String location, String shown) {
        redirect(api, "/odd", 302, location);
        HttpStatusException e = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> pipeline.send(Request.builder(api.baseUrl() + "/odd").build()));
        assertThat(e.status()).isEqualTo(302);
        assertThat(e.getMessage()).contains("with a Location that is not an http(s) URL Inlet can follow: " + shown)
                .doesNotContain("loop").doesNotContain("s3cr3t-t0ken");
        api.verify(1, anyRequestedFor(urlPathEqualTo("/odd")));
    }

    @Test
    void aRedirectToAnotherSchemeIsNotFollowed() {
        redirect(api, "/ftp", 302, "ftp://files.example.com/x");
        HttpStatusException e = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> pipeline.send(Request.builder(api.baseUrl() + "/ftp").build()));
        assertThat(e.status()).isEqualTo(302);
        api.verify(1, anyRequestedFor(urlPathEqualTo("/ftp")));
        api.verify(0, postRequestedFor(urlPathEqualTo("/x")));
    }
}
