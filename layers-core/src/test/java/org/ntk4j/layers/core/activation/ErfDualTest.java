package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErfDualTest {

    @Test
    void matchesQuadrature() {
        DualAgreement.check("erf", new Erf());
    }

    @Test
    void erfSquaredOfAStandardNormalIsTwoOverPiAsinTwoThirds() {
        double[] cov = new double[1];
        double[] dot = new double[1];
        new Erf().closedForm().orElseThrow()
                .compute(new double[] {1.0}, new double[] {1.0}, new double[] {1.0}, 1, cov, dot);
        // (2/π) asin(2/3), mpmath at 40 digits
        assertThat(cov[0]).isCloseTo(0.46455905439753997851, within(1e-16));
        // E[erf'(z)²] = (4/π) E[e^{−2z²}] = (4/π)/√5
        assertThat(dot[0]).isCloseTo(4.0 / Math.PI / Math.sqrt(5.0), within(1e-16));
    }
}
