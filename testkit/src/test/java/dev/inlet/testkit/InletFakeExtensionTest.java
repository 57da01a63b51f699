package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Fields and parameters filled, per-test fakes closed after their test, per-class ones cleared. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InletFakeExtensionTest {

    @InletFake
    static FakeApi shared;

    @InletFake
    FakeApi perTest;

    @InletFake
    FakeApi configured = FakeApi.builder().path("/v2/things").records(RecordSet.generate(3)).start();

    private static FakeApi firstPerTest;

    @Test
    @Order(1)
    void fieldsAreFilledAndStarted() throws Exception {
        assertThat(Http.get(perTest, "/records").statusCode()).isEqualTo(200);
        assertThat(Http.get(configured, "/v2/things").body()).contains("rec-0003");
        assertThat(Http.get(shared, "/records").statusCode()).isEqualTo(200);
        assertThat(perTest.port()).isNotEqualTo(shared.port());
        firstPerTest = perTest;
    }

    @Test
    @Order(2)
    void aPerTestFakeIsClosedAfterItsTestAndTheSharedOneStartsEachTestClean() {
        assertThat(perTest).isNotSameAs(firstPerTest);
        assertThatThrownBy(() -> Http.get(firstPerTest, "/records")).isInstanceOf(IOException.class);
        assertThat(shared.requests()).isEmpty();
    }

    @Test
    @Order(3)
    void aParameterGetsItsOwnFake(@InletFake FakeApi api) throws Exception {
        assertThat(Http.get(api, "/records").statusCode()).isEqualTo(200);
        assertThat(api.requests()).hasSize(1);
        assertThat(api).isNotSameAs(perTest);
    }
}
