package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

class ConstrainedFactoriesTest {

    @Test
    void oneFactoryPerMapperAndLimits() {
        JsonMapper mapper = Json.mapper();
        ReadLimits limits = ReadLimits.builder().maxStringLength(1000).build();
        assertThat(ConstrainedFactories.of(mapper, limits))
                .isSameAs(ConstrainedFactories.of(mapper, ReadLimits.builder().maxStringLength(1000).build()))
                .isNotSameAs(ConstrainedFactories.of(mapper, ReadLimits.builder().maxStringLength(1001).build()))
                .isNotSameAs(ConstrainedFactories.of(JsonMapper.builder().build(), limits));
    }

    @Test
    void aReusedFactoryStillAppliesEachLimit() {
        ReadLimits tight = ReadLimits.builder().maxStringLength(10).build();
        byte[] body = "{\"s\":\"0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            JsonParser parser = Json.parser(Json.mapper(), tight, new ByteArrayInputStream(body));
            assertThatThrownBy(() -> Json.mapper().readTree(parser)).isInstanceOf(StreamConstraintsException.class)
                    .hasMessageContaining("10");
        }
        JsonParser loose = Json.parser(Json.mapper(), ReadLimits.defaults(), new ByteArrayInputStream(body));
        assertThat(Json.mapper().readTree(loose).get("s").asString()).isEqualTo("0123456789abcdef");
    }

    @Test
    void keepsAtMostABoundedNumberOfFactories() {
        for (int i = 0; i < ConstrainedFactories.MAX_ENTRIES * 3; i++) {
            ConstrainedFactories.of(JsonMapper.builder().build(), ReadLimits.defaults());
            assertThat(ConstrainedFactories.size()).isLessThanOrEqualTo(ConstrainedFactories.MAX_ENTRIES);
        }
    }
}
