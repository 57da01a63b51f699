package dev.inlet.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.Headers;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.PipelineSettings;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.rest.RestConnector;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The builders of HTTP sources offer every {@link PipelineSettings} setting, and each one takes
 * effect: for every method of the interface (found by reflection, so a setting added there is
 * checked here at once), the REST connector builder and the GraphQL client builder each declare it
 * themselves (no default method stands in), and a request sent after setting it shows its effect.
 * Both builders delegate to one {@code PipelineOverrides}, so one probe per setting serves both.
 */
class PipelineSettingsParityTest {

    private static final String REST_BODY = "{\"items\":[{\"id\":1},{\"id\":2}]}";
    private static final String GRAPHQL_BODY = "{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}";

    /** What a setting is set to, and what the requests the stub transport saw must show then. */
    private record Probe(Function<Wire, Object> value, Function<Outcome, List<String>> check) {
    }

    /** The stub transport's record: every request it saw; it answers 503 to the first when told to. */
    private static final class Wire {
        final List<Request> seen = new CopyOnWriteArrayList<>();
        boolean failFirst;
    }

    /** What happened: the requests, and the exception the call ended with, if any. */
    private record Outcome(List<Request> seen, Throwable failure) {
    }

    /** The builders under test: how to make one on a base pipeline, and how to send through it. */
    private enum Kind {
        REST(RestConnector.Builder.class) {
            @Override
            Object builder() {
                return RestConnector.builder("probe").baseUrl("https://api.example.test").path("/items").records("/items");
            }

            @Override
            void send(Object builder) {
                Connector<JsonNode> connector = ((RestConnector.Builder) builder).build();
                try (Stream<JsonNode> records = connector.records()) {
                    assertThat(records.count()).isEqualTo(2);
                }
            }
        },
        GRAPHQL(GraphQlClient.Builder.class) {
            @Override
            Object builder() {
                return GraphQlClient.builder("https://api.example.test/graphql");
            }

            @Override
            void send(Object builder) {
                GraphQlClient client = ((GraphQlClient.Builder) builder).build();
                assertThat(client.execute("{ viewer { login } }").get("viewer.login", String.class)).hasValue("octocat");
            }
        };

        final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        abstract Object builder();

        abstract void send(Object builder);
    }

    private static final Map<String, Probe> PROBES = Map.of(
            "pipeline", new Probe(PipelineSettingsParityTest::base,
                    o -> o.seen().isEmpty() ? List.of("the base pipeline's transport saw no request") : List.of()),
            "credentials", headerProbe("credentials"),
            "rateLimiter", headerProbe("rateLimiter"),
            "circuitBreaker", headerProbe("circuitBreaker"),
            "retryPolicy", new Probe(wire -> {
                wire.failFirst = true;
                return RetryPolicy.builder().maxAttempts(2).backoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
            }, o -> o.failure() == null && o.seen().size() == 2 ? List.of()
                    : List.of("a 503 then a 200 were not retried into a success (requests " + o.seen().size() + ", failure "
                            + o.failure() + ")")),
            "limits", new Probe(wire -> ReadLimits.builder().maxBodyBytes(8).build(),
                    o -> o.failure() != null && o.failure().getClass().getSimpleName().equals("LimitExceededException")
                            ? List.of() : List.of("a body over maxBodyBytes did not fail with LimitExceededException, but "
                                    + o.failure())));

    @Test
    void everySettingOfTheInterfaceHasAProbeHere() {
        assertThat(PROBES.keySet()).as("add a probe for each new PipelineSettings method")
                .containsExactlyInAnyOrderElementsOf(settings().stream().map(Method::getName).toList());
    }

    @Test
    void bothBuildersDeclareEverySettingThemselves() {
        List<String> missing = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            assertThat(PipelineSettings.class).isAssignableFrom(kind.type);
            for (Method setting : settings()) {
                try {
                    Method own = kind.type.getMethod(setting.getName(), setting.getParameterTypes());
                    if (own.getDeclaringClass() != kind.type || own.isDefault() || own.getReturnType() != kind.type) {
                        missing.add(kind + ": " + setting.getName() + " is not the builder's own, returning the builder");
                    }
                } catch (NoSuchMethodException e) {
                    missing.add(kind + ": no " + setting.getName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySettingTakesEffectThroughBothBuilders() {
        List<String> problems = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Method setting : settings()) {
                Wire wire = new Wire();
                Probe probe = PROBES.get(setting.getName());
                Object builder = kind.builder();
                Throwable failure = null;
                try {
                    set(kind, builder, "pipeline", base(wire));
                    set(kind, builder, setting.getName(), probe.value().apply(wire));
                    kind.send(builder);
                } catch (RuntimeException e) {
                    failure = e;
                }
                probe.check().apply(new Outcome(wire.seen, failure))
                        .forEach(problem -> problems.add(kind + "." + setting.getName() + ": " + problem));
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Method> settings() {
        return Arrays.stream(PipelineSettings.class.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .toList();
    }

    private static void set(Kind kind, Object builder, String name, Object value) {
        Method setting = settings().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        try {
            kind.type.getMethod(name, setting.getParameterTypes()).invoke(builder, value);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new AssertionError(kind + " has no usable " + name, e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(kind + "." + name + " failed", e.getCause());
        }
    }

    /** A setting proven by a header its interceptor adds to every request. */
    private static Probe headerProbe(String name) {
        Interceptor marking = chain -> chain.proceed(chain.request().toBuilder().header("X-Probe", name).build());
        return new Probe(wire -> marking, o -> o.seen().stream().anyMatch(r -> r.headers().first("X-Probe")
                .filter(name::equals).isPresent()) ? List.of() : List.of("no request carried the interceptor's header"));
    }

    /** A pipeline with no retries and no waits, whose transport answers from memory and records what it saw. */
    private static HttpPipeline base(Wire wire) {
        Transport transport = (request, timeout) -> {
            wire.seen.add(request);
            boolean graphql = request.uri().getPath().endsWith("/graphql");
            int status = wire.failFirst && wire.seen.size() == 1 ? 503 : 200;
            String body = status == 503 ? "{}" : graphql ? GRAPHQL_BODY : REST_BODY;
            return new Response(request, status, Headers.of("Content-Type", "application/json"),
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Instant.now(), Duration.ZERO);
        };
        return HttpPipeline.builder().transport(transport).retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build();
    }
}
