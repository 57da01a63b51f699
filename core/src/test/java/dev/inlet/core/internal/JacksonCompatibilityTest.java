package dev.inlet.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.inlet.core.Json;

/**
 * The check itself on the build's (compatible) classpath. The incompatible classpaths it exists for are
 * real builds in the consumer matrix (consumer-tests/src/it): WireMock declared first, and Spring Boot 3.5
 * without inlet-bom, both of which must end in an IncompatibleDependencyException naming the fix.
 */
class JacksonCompatibilityTest {

    @Test
    void theTestedClasspathPasses() {
        assertThatCode(JacksonCompatibility::require).doesNotThrowAnyException();
        assertThat(Json.mapper()).isNotNull();
    }

    @Test
    void readsTheAnnotationsVersionFromTheJar() {
        assertThat(JacksonCompatibility.annotationsVersion()).contains(BuildInfo.jacksonAnnotationsVersion());
    }

    @Test
    void theAnnotationsMinorComesFromTheVersionString() {
        assertThat(JacksonCompatibility.minorOf("2.23")).contains(23);
        assertThat(JacksonCompatibility.minorOf("2.20.1")).contains(20);
        assertThat(JacksonCompatibility.minorOf("2")).isEmpty();
        assertThat(JacksonCompatibility.minorOf("2.x")).isEqualTo(Optional.empty());
    }

    @Test
    void theBuildsJacksonIsNotOlderThanTheSupportedFloor() {
        assertThat(tools.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion())
                .isGreaterThanOrEqualTo(JacksonCompatibility.MIN_MINOR);
    }
}
