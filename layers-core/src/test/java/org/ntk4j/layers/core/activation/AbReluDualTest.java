package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The arc-cosine family: relu, leakyRelu, abs and general (a, b), convex and concave. */
class AbReluDualTest {

    @Test
    void reluMatchesQuadrature() {
        DualAgreement.check("relu", AbRelu.relu());
    }

    @Test
    void leakyReluMatchesQuadrature() {
        DualAgreement.check("leakyRelu(0.01)", AbRelu.leaky(0.01));
    }

    @Test
    void absMatchesQuadrature() {
        DualAgreement.check("abs", AbRelu.abs());
    }

    @Test
    void generalSlopesMatchQuadrature() {
        DualAgreement.check("abRelu(-0.4, 1.3)", new AbRelu(-0.4, 1.3));
        DualAgreement.check("abRelu(2, -0.5)", new AbRelu(2.0, -0.5));
    }

    /** Cho &amp; Saul's arc-cosine kernel of degree 1, written the textbook way (fine away from ±1). */
    @Test
    void reluAgreesWithTheTextbookArcCosineFormula() {
        double k11 = 2.0;
        double k22 = 0.5;
        double rho = 0.37;
        double theta = Math.acos(rho);
        double textbookCov = Math.sqrt(k11 * k22) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta))
                / (2 * Math.PI);
        double textbookDot = (Math.PI - theta) / (2 * Math.PI);
        double[] cov = new double[1];
        double[] dot = new double[1];
        AbRelu.relu().closedForm().orElseThrow()
                .compute(new double[] {k11}, new double[] {k22}, new double[] {rho}, 1, cov, dot);
        assertThat(cov[0]).isCloseTo(textbookCov, within(1e-15));
        assertThat(dot[0]).isCloseTo(textbookDot, within(1e-15));
    }
}
