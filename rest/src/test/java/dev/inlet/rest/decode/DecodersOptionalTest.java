package dev.inlet.rest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.MissingDependencyException;
import org.junit.jupiter.api.Test;

/** XML and CSV decoding are optional dependencies: absent, they are named; present, they work. */
class DecodersOptionalTest {

    private static ClassLoader hiding(String hiddenPackage) {
        return new ClassLoader(DecodersOptionalTest.class.getClassLoader()) {
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
    void withoutJacksonXmlTheArtifactToAddIsNamed() {
        assertThatThrownBy(() -> Decoders.XML.require(hiding("tools.jackson.dataformat.xml.")))
                .isInstanceOfSatisfying(MissingDependencyException.class, e -> assertThat(e.artifact())
                        .isEqualTo("tools.jackson.dataformat:jackson-dataformat-xml:"
                                + tools.jackson.databind.cfg.PackageVersion.VERSION))
                .hasMessageContaining("XML decoding needs tools.jackson.dataformat:jackson-dataformat-xml:");
    }

    @Test
    void withoutJacksonCsvTheArtifactToAddIsNamed() {
        assertThatThrownBy(() -> Decoders.CSV.require(hiding("tools.jackson.dataformat.csv.")))
                .isInstanceOf(MissingDependencyException.class)
                .hasMessageContaining("CSV decoding needs tools.jackson.dataformat:jackson-dataformat-csv:");
    }

    @Test
    void withTheModulesPresentTheDecodersAreReturned() {
        assertThatCode(() -> Decoders.XML.require(Decoders.class.getClassLoader())).doesNotThrowAnyException();
        assertThat(Decoders.of(BodyFormat.XML)).isSameAs(XmlDecoder.INSTANCE);
        assertThat(Decoders.of(BodyFormat.CSV)).isSameAs(CsvDecoder.INSTANCE);
    }
}
