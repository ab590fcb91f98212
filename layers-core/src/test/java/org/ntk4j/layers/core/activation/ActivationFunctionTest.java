package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;

/** Value, derivative, oddness and tail behaviour of every core activation. */
class ActivationFunctionTest {

    /** Away from the kinks (all at 0) and covering both tails. */
    private static final double[] POINTS = {-7.5, -2.3, -0.71, -0.05, 0.13, 0.9, 3.2, 6.4};
    private static final double STEP = 1e-5;

    private static final Map<String, ActivationFunction> ALL = Activations.all();

    @Test
    void derivativeMatchesACentralDifferenceOfTheValue() {
        ALL.forEach((name, phi) -> {
            for (double x : POINTS) {
                double difference = (phi.value(x + STEP) - phi.value(x - STEP)) / (2 * STEP);
                double derivative = phi.derivative(x);
                // truncation ~STEP²|φ'''|/6 and rounding ~1e-16|φ|/STEP are both below 1e-9 here
                assertThat(derivative).as("%s'(%s)", name, x)
                        .isCloseTo(difference, within(1e-8 * (1 + Math.abs(derivative))));
            }
        });
    }

    @Test
    void exactlyTheOddActivationsSayTheyAreOdd() {
        Set<String> odd = Set.of("erf", "tanh", "sin", "identity", "sign");
        ALL.forEach((name, phi) -> {
            assertThat(phi.isOdd()).as(name).isEqualTo(odd.contains(name));
            boolean symmetric = true;
            for (double x : POINTS) {
                symmetric &= phi.value(-x) == -phi.value(x);
            }
            assertThat(symmetric).as("%s is odd at the sample points", name).isEqualTo(phi.isOdd());
        });
        assertThat(new AbRelu(0.5, 0.5).isOdd()).isTrue();
    }

    @Test
    void closedFormsExistExactlyWhereTheSpecSaysSo() {
        Set<String> closed = Set.of("relu", "leakyRelu", "abRelu", "abs", "erf", "gelu", "sin", "cos", "identity",
                "sign");
        ALL.forEach((name, phi) -> {
            assertThat(phi.closedForm().isPresent()).as(name).isEqualTo(closed.contains(name));
            phi.closedForm().ifPresent(dual -> assertThat(dual.describe()).isEqualTo("closed"));
        });
    }

    @Test
    void valuesAtSimplePoints() {
        assertThat(ALL.get("relu").value(-3.0)).isEqualTo(0.0);
        assertThat(ALL.get("relu").value(2.5)).isEqualTo(2.5);
        assertThat(ALL.get("abs").value(-3.0)).isEqualTo(3.0);
        assertThat(ALL.get("sign").value(-3.0)).isEqualTo(-1.0);
        assertThat(ALL.get("sign").value(0.0)).isEqualTo(0.0);
        assertThat(ALL.get("sigmoid").value(0.0)).isEqualTo(0.5);
        assertThat(ALL.get("softplus").value(0.0)).isCloseTo(Math.log(2.0), within(1e-16));
        assertThat(ALL.get("gelu").value(1.0)).isCloseTo(0.8413447460685429, within(1e-16)); // Φ(1)
        assertThat(ALL.get("silu").value(1.0)).isCloseTo(1.0 / (1.0 + Math.exp(-1.0)), within(1e-16));
    }

    /** References from mpmath at 40 digits. */
    @Test
    void tailsAreFiniteAndRight() {
        ActivationFunction softplus = ALL.get("softplus");
        ActivationFunction sigmoid = ALL.get("sigmoid");
        ActivationFunction silu = ALL.get("silu");
        ActivationFunction gelu = ALL.get("gelu");
        assertThat(softplus.value(800.0)).isEqualTo(800.0);
        assertThat(softplus.value(-800.0)).isEqualTo(0.0); // e^−800 is below the smallest double
        assertThat(softplus.value(-700.0)).isCloseTo(9.8596765437597708567e-305, within(1e-318));
        assertThat(softplus.derivative(800.0)).isEqualTo(1.0);
        assertThat(sigmoid.value(-800.0)).isEqualTo(0.0);
        assertThat(sigmoid.value(800.0)).isEqualTo(1.0);
        assertThat(sigmoid.value(-700.0)).isCloseTo(9.8596765437597708567e-305, within(1e-318));
        assertThat(sigmoid.derivative(-800.0)).isEqualTo(0.0);
        assertThat(sigmoid.derivative(800.0)).isEqualTo(0.0);
        assertThat(silu.value(-800.0)).isEqualTo(0.0);
        assertThat(silu.value(800.0)).isEqualTo(800.0);
        assertThat(silu.value(-700.0)).isCloseTo(-6.9017735806318395997e-302, within(1e-315));
        assertThat(silu.derivative(-800.0)).isEqualTo(0.0);
        assertThat(silu.derivative(800.0)).isEqualTo(1.0);
        assertThat(ALL.get("tanh").derivative(800.0)).isEqualTo(0.0);
        assertThat(ALL.get("tanh").derivative(-20.0)).isCloseTo(4.0 * Math.exp(-40.0), within(1e-30));
        assertThat(ALL.get("elu").value(-800.0)).isEqualTo(-1.7);
        assertThat(gelu.value(-10.0)).isCloseTo(-7.619853024160526066e-23, within(1e-36));
        assertThat(gelu.derivative(-10.0)).isCloseTo(-7.6184000964648140857e-22, within(1e-35));
        assertThat(gelu.value(-40.0)).isEqualTo(0.0);
        assertThat(gelu.value(40.0)).isEqualTo(40.0);
        assertThat(ALL.get("erf").value(-40.0)).isEqualTo(-1.0);
        assertThat(ALL.get("erf").derivative(30.0)).isEqualTo(0.0);
        ALL.forEach((name, phi) -> {
            for (double x : new double[] {-800.0, -40.0, 40.0, 800.0}) {
                assertThat(phi.value(x)).as("%s(%s)", name, x).isFinite();
                assertThat(phi.derivative(x)).as("%s'(%s)", name, x).isFinite();
            }
        });
    }
}
