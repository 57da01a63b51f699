package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.core.retry.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials as the credentials link of a real pipeline, against real (fake) servers. */
class CredentialsPipelineTest {

    @RegisterExtension
    static WireMockExtension api = WireMockSupport.server();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockSupport.server();

    private static final Secret KEY = Secret.of("q-key-8c1f6a");
    private static final Secret HEADER_KEY = Secret.of("h-key-51d0aa");
    private static final Secret COOKIE_KEY = Secret.of("c-key-77b2e9");

    @Test
    void aRedirectToAnotherOriginGoesWithoutAnyCredential() {
        api.stubFor(get(urlPathEqualTo("/start")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", WireMockSupport.base(elsewhere) + "/landing")));
        elsewhere.stubFor(get(urlPathEqualTo("/landing")).willReturn(aResponse().withStatus(200).withBody("ok")));
        Credentials credentials = Credentials.all(
                Credentials.apiKeyQuery(WireMockSupport.origin(api), "api_key", KEY),
                Credentials.apiKeyHeader(WireMockSupport.origin(api), "X-Api-Key", HEADER_KEY),
                Credentials.apiKeyCookie(WireMockSupport.origin(api), "session_key", COOKIE_KEY));
        HttpPipeline pipeline = HttpPipeline.builder().credentials(credentials)
                .allowRedirectsTo(WireMockSupport.origin(elsewhere)).build();

        String body = pipeline.execute(Request.builder(WireMockSupport.base(api) + "/start?page=1").build(),
                response -> response.bodyText());

        assertThat(body).isEqualTo("ok");
        api.verify(getRequestedFor(urlPathEqualTo("/start")).withQueryParam("api_key", equalTo(KEY.reveal()))
                .withHeader("X-Api-Key", equalTo(HEADER_KEY.reveal()))
                .withHeader("Cookie", equalTo("session_key=" + COOKIE_KEY.reveal())));
        elsewhere.verify(getRequestedFor(urlPathEqualTo("/landing")).withQueryParam("api_key", absent())
                .withHeader("X-Api-Key", absent()).withHeader("Cookie", absent())
                .withHeader("Authorization", absent()));
    }

    @Test
    void aFailingRequestsExceptionNeverShowsAQueryKeyEvenUnderAnUnremarkableName() {
        api.stubFor(get(urlPathEqualTo("/weather")).willReturn(aResponse().withStatus(404).withBody("no city")));
        HttpPipeline pipeline = HttpPipeline.builder()
                .credentials(Credentials.apiKeyQuery(WireMockSupport.origin(api), "appid", KEY))
                .retryPolicy(RetryPolicy.none()).build();

        assertThatThrownBy(() -> pipeline.execute(Request.builder(WireMockSupport.base(api) + "/weather?q=Oslo")
                .build(), response -> response.bodyText()))
                .isInstanceOf(HttpStatusException.class)
                .satisfies(e -> assertThat(e.getMessage() + e).contains("/weather").doesNotContain(KEY.reveal()))
                .satisfies(e -> assertThat(((HttpStatusException) e).response().toString())
                        .doesNotContain(KEY.reveal()));
        api.verify(getRequestedFor(urlPathEqualTo("/weather")).withQueryParam("appid", equalTo(KEY.reveal())));
    }
}
