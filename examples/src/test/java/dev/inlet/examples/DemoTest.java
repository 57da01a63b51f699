package dev.inlet.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.examples.fakes.FakeStripe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void theDemoFetchesEveryChargeAndTotalsRevenueExactly() throws Exception {
        Map<String, BigDecimal> expected = new TreeMap<>();
        try (FakeStripe reference = FakeStripe.start("k", 1_000, java.util.Set.of(), java.util.Set.of())) {
            reference.charges().stream().filter(c -> !c.malformed()).forEach(c -> expected.merge(c.currency(),
                    new BigDecimal(c.amountCents()).movePointLeft(2), BigDecimal::add));
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Map<String, BigDecimal> revenue = Demo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(revenue).isEqualTo(expected);
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("1000 records (995 valid, 5 rejected) in 10 pages");
        expected.forEach((currency, total) -> assertThat(output).contains(total.toPlainString()));
    }
}
