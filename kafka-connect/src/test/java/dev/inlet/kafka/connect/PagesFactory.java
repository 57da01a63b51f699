package dev.inlet.kafka.connect;

import dev.inlet.core.Connector;
import dev.inlet.core.Json;
import dev.inlet.core.PageSource;
import dev.inlet.core.error.InletException;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import dev.inlet.core.testing.ListPageSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A test factory over in-memory pages. Tenant inputs: {@code pages} (records per page, e.g.
 * {@code 2,0,3}), {@code streams} (names, default {@code items}), {@code key} (rate-limit key),
 * {@code invalid} (ids rejected by validation, skipped by the connector), {@code continue} (a page token the
 * last page names as where the next scan starts, like a sync API). Records are
 * {@code {"id": "<tenant>-<stream>-<page>-<i>", "n": <i>}}. {@link #FAILURES} makes a tenant's next
 * page fail once.
 */
public final class PagesFactory implements InletConnectorFactory {

    /** The next failure of a tenant's pages, consumed by one open. */
    static final Map<String, Supplier<InletException>> FAILURES = new ConcurrentHashMap<>();

    @Override
    public List<StreamSource> streams(Tenant tenant) {
        List<StreamSource> streams = new ArrayList<>();
        for (String stream : tenant.input("streams").orElse("items").split(",")) {
            List<List<JsonNode>> pages = new ArrayList<>();
            String[] counts = tenant.requireInput("pages").split(",");
            for (int p = 0; p < counts.length; p++) {
                List<JsonNode> page = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(counts[p].trim()); i++) {
                    page.add(Json.mapper().createObjectNode().put("id", tenant.id() + "-" + stream + "-" + p + "-" + i)
                            .put("n", i));
                }
                pages.add(page);
            }
            ListPageSource list = new ListPageSource(pages);
            PageSource failing = position -> {
                Supplier<InletException> failure = FAILURES.remove(tenant.id());
                if (failure != null) {
                    throw failure.get();
                }
                dev.inlet.core.OpenPage page = list.open(position);
                java.util.Optional<String> continuation = tenant.input("continue");
                return continuation.isEmpty() ? page : new dev.inlet.core.ForwardingOpenPage(page) {
                    @Override
                    public java.util.Optional<String> continuationToken() {
                        return nextPosition().isEmpty() ? continuation : java.util.Optional.empty();
                    }
                };
            };
            List<String> invalid = Arrays.asList(tenant.input("invalid").orElse("").split(","));
            Connector<JsonNode> connector = Connector.builder(stream, failing)
                    .validator(r -> invalid.contains(r.path("id").asString())
                            ? Validation.invalid(r, List.of(new Violation("/id", "custom", "id is on the invalid list")))
                            : Validation.valid(r))
                    .onInvalid(InvalidRecordPolicy.SKIP)
                    .build();
            StreamSource.Builder source = StreamSource.builder(stream, connector).keyPointer("/id");
            tenant.input("key").ifPresent(source::rateLimitKey);
            streams.add(source.build());
        }
        return streams;
    }
}
