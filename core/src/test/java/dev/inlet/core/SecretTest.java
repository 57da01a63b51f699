package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.inlet.core.error.InletException;

class SecretTest {

    private record Config(String user, Secret password) {
    }

    @Test
    void showsNothingOfTheValueInToStringOrInRecordsThatHoldIt() {
        Secret secret = Secret.of("hunter2-very-secret");

        assertThat(secret.toString()).isEqualTo("Secret[***]");
        assertThat(String.valueOf(new Config("alice", secret))).doesNotContain("hunter2").contains("Secret[***]");
        assertThat(Map.of("k", secret).toString()).doesNotContain("hunter2");
    }

    @Test
    void revealsTheValueOnlyWhenAsked() {
        Secret secret = Secret.of("p@ss wörd");

        assertThat(secret.reveal()).isEqualTo("p@ss wörd");
        assertThat(secret.revealBytes()).isEqualTo("p@ss wörd".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(secret.isContainedIn("the server said p@ss wörd is wrong")).isTrue();
        assertThat(secret.isContainedIn("nothing here")).isFalse();
        assertThat(secret.isContainedIn(null)).isFalse();
    }

    @Test
    void comparesByValue() {
        assertThat(Secret.of("a-key")).isEqualTo(Secret.of("a-key")).hasSameHashCodeAs(Secret.of("a-key"));
        assertThat(Secret.of("a-key")).isNotEqualTo(Secret.of("b-key")).isNotEqualTo("a-key");
    }

    @Test
    void refusesAnEmptyValue() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void namesAMissingEnvironmentVariableButNoValue() {
        String name = "INLET_TEST_SURELY_UNSET_" + System.nanoTime();

        assertThatThrownBy(() -> Secret.fromEnvironment(name)).isInstanceOf(InletException.class)
                .hasMessageContaining(name + " is not set");
    }

    @Test
    void readsAnEnvironmentVariable() {
        String path = System.getenv("PATH");

        assertThat(Secret.fromEnvironment("PATH").reveal()).isEqualTo(path);
    }
}
