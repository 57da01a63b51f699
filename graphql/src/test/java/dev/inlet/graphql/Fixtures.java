package dev.inlet.graphql;

import dev.inlet.core.Headers;
import dev.inlet.core.InletListener;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import dev.inlet.core.testing.FakeClock;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/** Shared pieces of the GraphQL tests: operations, record types, pipelines on a fake clock, a recorder. */
final class Fixtures {

    static final String ORDERS = """
            query Orders($first: Int!, $after: String) {
              orders(first: $first, after: $after) {
                edges { cursor node { id number totalPrice } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private Fixtures() {
    }

    /** The orders query with {@code $first} set. */
    static GraphQlOperation orders(int first) {
        return GraphQlOperation.builder(ORDERS).variable("first", first).build();
    }

    /** A pipeline whose every wait advances the fake clock instead of sleeping. */
    static HttpPipeline pipeline(FakeClock clock, InletListener listener) {
        return HttpPipeline.builder().clock(clock).sleeper(clock).listener(listener).build();
    }

    /** A pipeline on a fake clock whose transport answers every request with what the function returns. */
    static HttpPipeline stubbed(FakeClock clock, InletListener listener, Function<String, Stub> answer) {
        Transport transport = (request, timeout) -> {
            Stub stub = answer.apply(request.bodyText().orElse(request.uri().toString()));
            return new Response(request, stub.status(), stub.headers(),
                    new ByteArrayInputStream(stub.body().getBytes(StandardCharsets.UTF_8)), clock.instant(),
                    Duration.ZERO);
        };
        return HttpPipeline.builder().transport(transport).clock(clock).sleeper(clock).listener(listener).build();
    }

    /** A canned response. */
    record Stub(int status, Headers headers, String body) {
        static Stub json(String body) {
            return new Stub(200, Headers.of("Content-Type", "application/json"), body);
        }
    }

    /** An order as the tests map it. */
    record Order(String id, int number, BigDecimal totalPrice) {
    }
}
