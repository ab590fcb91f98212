package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The reference quadrature itself, on values known independently of the closed forms. */
class PolarGaussianQuadratureTest {

    private static final Gelu GELU = new Gelu();

    @Test
    void gaussLegendreIsExactForPolynomialsUpToDegree31() {
        GaussLegendre rule = new GaussLegendre(16);
        for (int degree = 0; degree <= 31; degree++) {
            double sum = 0.0;
            for (int i = 0; i < 16; i++) {
                sum += rule.weights[i] * Math.pow(rule.nodes[i], degree);
            }
            double exact = degree % 2 == 1 ? 0.0 : 2.0 / (degree + 1);
            assertThat(sum).as("degree %d", degree).isCloseTo(exact, within(1e-15));
        }
    }

    @Test
    void gaussianMomentsMatchIsserlis() {
        double[][] covariances = {{1.0, 1.0, 0.3}, {0.1, 10.0, -0.7}, {2.0, 0.5, 0.999999}, {3.0, 3.0, 1.0}};
        for (double[] k : covariances) {
            double k11 = k[0];
            double k22 = k[1];
            double k12 = k[2] * Math.sqrt(k11 * k22);
            var second = PolarGaussianQuadrature.expectation((u, v) -> u * v, k11, k22, k12);
            var fourth = PolarGaussianQuadrature.expectation((u, v) -> u * u * v * v, k11, k22, k12);
            var sixth = PolarGaussianQuadrature.expectation((u, v) -> u * u * u * v * v * v, k11, k22, k12);
            assertThat(second.value()).isCloseTo(k12, within(1e-14 * Math.sqrt(k11 * k22)));
            assertThat(fourth.value()).isCloseTo(k11 * k22 + 2 * k12 * k12, within(1e-13 * k11 * k22));
            assertThat(sixth.value()).isCloseTo(9 * k11 * k22 * k12 + 6 * k12 * k12 * k12,
                    within(1e-13 * Math.pow(k11 * k22, 1.5)));
        }
    }

    @Test
    void erfSquaredOfAStandardNormalIsTwoOverPiAsinTwoThirds() {
        Erf erf = new Erf();
        var e = PolarGaussianQuadrature.expectation((u, v) -> erf.value(u) * erf.value(v), 1.0, 1.0, 1.0);
        // (2/π) asin(2/3), mpmath at 40 digits
        assertThat(e.value()).isCloseTo(0.46455905439753997851, within(1e-14));
    }

    /**
     * E[gelu(u) gelu(v)] and E[gelu'(u) gelu'(v)] from mpmath.quad over the plane (30 digits,
     * split at the axes, |z| ≤ 12), independent of both the quadrature here and the closed form.
     */
    static final double[][] GELU_MPMATH = {
        // k11, k22, rho, cov, dot
        {1.0, 1.0, 0.3, 0.162677219805644, 0.304285677832261},
        {0.5, 2.0, -0.6, -0.0443963792136245, 0.146092756978249},
        {3.0, 0.2, 0.8, 0.231066124513042, 0.357109744379184},
    };

    @Test
    void geluExpectationsMatchMpmath() {
        for (double[] row : GELU_MPMATH) {
            double k12 = row[2] * Math.sqrt(row[0] * row[1]);
            var cov = PolarGaussianQuadrature.expectation((u, v) -> GELU.value(u) * GELU.value(v), row[0], row[1], k12);
            var dot = PolarGaussianQuadrature.expectation(
                    (u, v) -> GELU.derivative(u) * GELU.derivative(v), row[0], row[1], k12);
            assertThat(cov.value()).isCloseTo(row[3], within(1e-14 * Math.abs(row[3]) + 1e-15));
            assertThat(dot.value()).isCloseTo(row[4], within(1e-14 * Math.abs(row[4]) + 1e-15));
        }
    }
}
