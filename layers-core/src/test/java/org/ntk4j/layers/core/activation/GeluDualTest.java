package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeluDualTest {

    @Test
    void matchesQuadrature() {
        DualAgreement.check("gelu", new Gelu());
    }

    @Test
    void matchesMpmathReferenceValues() {
        var dual = new Gelu().closedForm().orElseThrow();
        for (double[] row : PolarGaussianQuadratureTest.GELU_MPMATH) {
            double[] cov = new double[1];
            double[] dot = new double[1];
            double k12 = row[2] * Math.sqrt(row[0] * row[1]);
            dual.compute(new double[] {row[0]}, new double[] {row[1]}, new double[] {k12}, 1, cov, dot);
            assertThat(cov[0]).isCloseTo(row[3], within(1e-14 * Math.abs(row[3])));
            assertThat(dot[0]).isCloseTo(row[4], within(1e-14 * Math.abs(row[4])));
        }
    }
}
