package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exp-based tanh against the JDK's fdlibm tanh, across its three ranges and their borders. */
class TanhTest {

    private final Tanh tanh = new Tanh();

    @Test
    void withinFourUlpOfMathTanh() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double x = (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextDouble() * 6 - 4);
            double expected = Math.tanh(x);
            assertThat(Math.abs(tanh.value(x) - expected)).as("tanh(%s)", x).isLessThanOrEqualTo(4 * Math.ulp(expected));
        }
        for (double x : new double[] {0.125, Math.nextDown(0.125), 22.0, Math.nextDown(22.0), 1e-300, 0.5, 3.0}) {
            assertThat(Math.abs(tanh.value(x) - Math.tanh(x))).as("tanh(%s)", x).isLessThanOrEqualTo(4 * Math.ulp(Math.tanh(x)));
            assertThat(tanh.value(-x)).isEqualTo(-tanh.value(x));
        }
    }

    @Test
    void exactValuesAndSigns() {
        assertThat(tanh.value(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(tanh.value(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(tanh.value(40)).isEqualTo(1.0);
        assertThat(tanh.value(-40)).isEqualTo(-1.0);
        assertThat(tanh.value(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(tanh.value(Double.NaN)).isNaN();
    }
}
