package dev.inlet.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import dev.inlet.core.error.MissingDependencyException;

class OptionalDependencyTest {

    /** A class loader that behaves as if the artifact holding {@code hiddenPackage} were not on the classpath. */
    static ClassLoader hiding(String hiddenPackage) {
        return new ClassLoader(OptionalDependencyTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(hiddenPackage)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }

    @Test
    void aPresentLibraryPasses() {
        assertThatCode(() -> OptionalDependency.JSON_SCHEMA.require()).doesNotThrowAnyException();
    }

    @Test
    void anAbsentLibraryIsNamedWithTheExactArtifactToAdd() {
        assertThatThrownBy(() -> OptionalDependency.JSON_SCHEMA.require(hiding("com.networknt.")))
                .isInstanceOfSatisfying(MissingDependencyException.class, e -> {
                    assertThat(e.feature()).isEqualTo("JSON Schema validation");
                    assertThat(e.artifact()).isEqualTo("com.networknt:json-schema-validator:"
                            + BuildInfo.jsonSchemaValidatorVersion());
                    assertThat(e.artifact()).doesNotContain("${").matches("[^:]+:[^:]+:\\d+\\.\\d+.*");
                })
                .hasMessageContaining("JSON Schema validation needs com.networknt:json-schema-validator:")
                .hasMessageContaining("<groupId>com.networknt</groupId><artifactId>json-schema-validator</artifactId>")
                .hasMessageContaining("dev.inlet:inlet-bom")
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void jacksonModulesAreNamedAtTheVersionOfTheDatabindPresent() {
        OptionalDependency xml = OptionalDependency.jacksonModule("XML decoding", "jackson-dataformat-xml",
                "tools.jackson.dataformat.xml.XmlMapper");

        assertThat(xml.artifact()).isEqualTo("tools.jackson.dataformat:jackson-dataformat-xml:"
                + tools.jackson.databind.cfg.PackageVersion.VERSION);
        assertThatThrownBy(() -> xml.require(hiding("tools.jackson.dataformat.xml.")))
                .isInstanceOf(MissingDependencyException.class)
                .hasMessageStartingWith("XML decoding needs " + xml.artifact() + ", which is not on the classpath");
    }

    @Test
    void theBuildWroteItsVersionsIntoTheJar() {
        assertThat(BuildInfo.inletVersion()).doesNotContain("$").isNotBlank();
        assertThat(BuildInfo.jacksonVersion()).isEqualTo(tools.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertThat(BuildInfo.jacksonAnnotationsVersion()).matches("2\\.\\d+(\\.\\d+)?");
    }
}
