package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrigonometricDualTest {

    @Test
    void sineMatchesQuadrature() {
        DualAgreement.check("sin", new Sine());
    }

    @Test
    void cosineMatchesQuadrature() {
        DualAgreement.check("cos", new Cosine());
    }

    /** cosh(800) overflows; e^{−800}cosh(800) = (1 + e^{−1600})/2 does not. */
    @Test
    void largeVariancesNeitherOverflowNorLoseTheSign() {
        double[] cov = new double[2];
        double[] dot = new double[2];
        new Cosine().closedForm().orElseThrow().compute(new double[] {800.0, 800.0}, new double[] {800.0, 800.0},
                new double[] {800.0, -800.0}, 2, cov, dot);
        assertThat(cov).containsExactly(0.5, 0.5);
        assertThat(dot).containsExactly(0.5, -0.5);
    }
}
