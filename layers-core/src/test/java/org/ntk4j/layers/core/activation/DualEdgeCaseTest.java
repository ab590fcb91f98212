package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** x = x', inconsistent (|ρ| &gt; 1) input, zero and slightly negative variances, null dot. */
class DualEdgeCaseTest {

    private static final Map<String, ActivationFunction> CLOSED = closedForms();

    /** Variances whose √k·√k differs from k by an ulp, and a wide range of scales. */
    private static final double[] VARIANCES = {1e-12, 0.1, 1.0 / 3, 0.7, 1.0, 2.2, 10.0, 123.456, 1e6};

    @Test
    void sameInputIsFiniteAndContinuousInTheCorrelation() {
        CLOSED.forEach((name, phi) -> {
            DualActivation dual = phi.closedForm().orElseThrow();
            for (double k : VARIANCES) {
                double[] same = evaluate(dual, k, k, k);
                double[] near = evaluate(dual, k, k, k * (1 - 1e-12));
                double[] scale = evaluate(dual, k, k, k);
                for (int j = 0; j < 2; j++) {
                    assertThat(same[j]).as("%s at x = x', k = %s", name, k).isFinite();
                    // the arc-cosine dot moves like √(1 − ρ) ≈ 1.4e-6 here; everything else far less
                    assertThat(same[j]).as("%s continuity at k = %s", name, k)
                            .isCloseTo(near[j], within(1e-5 * (Math.abs(scale[j]) + 1e-300)));
                }
            }
        });
    }

    @Test
    void correlationBeyondOneIsClampedToOne() {
        CLOSED.forEach((name, phi) -> {
            DualActivation dual = phi.closedForm().orElseThrow();
            for (double k : new double[] {0.25, 1.0, 4.0}) {
                assertThat(evaluate(dual, k, k, k * (1 + 1e-9))).as("%s, rho > 1, k = %s", name, k)
                        .containsExactly(evaluate(dual, k, k, k));
                assertThat(evaluate(dual, k, k, -k * (1 + 1e-9))).as("%s, rho < -1, k = %s", name, k)
                        .containsExactly(evaluate(dual, k, k, -k));
                assertThat(evaluate(dual, k, 2 * k, 5 * k)).as("%s, rho >> 1, unequal", name)
                        .containsExactly(evaluate(dual, k, 2 * k, Math.sqrt(k) * Math.sqrt(2 * k)));
            }
        });
    }

    /**
     * A zero variance means u ≡ 0, so the dual must be φ(0)E[φ(v)] and φ'(0)E[φ'(v)]: finite, and
     * consistent with the derivative the finite network uses at the kink (e.g. relu at k11 = 0
     * gives cov 0). A variance of −1e-18 (upstream rounding) counts as 0.
     */
    @Test
    void zeroVarianceGivesTheDegenerateExpectation() {
        CLOSED.forEach((name, phi) -> {
            DualActivation dual = phi.closedForm().orElseThrow();
            for (double k22 : new double[] {0.0, 0.3, 2.0}) {
                double meanValue = k22 == 0.0 ? phi.value(0.0) : PolarGaussianQuadrature.expectation(
                        (u, v) -> phi.value(u), k22, k22, k22).value();
                double meanSlope = k22 == 0.0 ? phi.derivative(0.0) : PolarGaussianQuadrature.expectation(
                        (u, v) -> phi.derivative(u), k22, k22, k22).value();
                double expectedCov = phi.value(0.0) * meanValue;
                double expectedDot = phi.derivative(0.0) * meanSlope;
                for (double[] k : new double[][] {{0.0, k22}, {k22, 0.0}, {-1e-18, k22}}) {
                    double[] result = evaluate(dual, k[0], k[1], 0.0);
                    assertThat(result[0]).as("%s cov at variances %s, %s", name, k[0], k[1])
                            .isCloseTo(expectedCov, within(1e-14));
                    assertThat(result[1]).as("%s dot at variances %s, %s", name, k[0], k[1])
                            .isCloseTo(expectedDot, within(1e-14));
                }
            }
        });
        assertThat(evaluate(AbRelu.relu().closedForm().orElseThrow(), 0.0, 1.0, 0.0)[0]).isEqualTo(0.0);
    }

    @Test
    void dotMayBeNull() {
        CLOSED.forEach((name, phi) -> {
            DualActivation dual = phi.closedForm().orElseThrow();
            double[] k11 = {1.0, 0.5};
            double[] k22 = {2.0, 0.5};
            double[] k12 = {0.4, -0.2};
            double[] withDot = new double[2];
            double[] withoutDot = new double[2];
            dual.compute(k11, k22, k12, 2, withDot, new double[2]);
            dual.compute(k11, k22, k12, 2, withoutDot, null);
            assertThat(withoutDot).as(name).containsExactly(withDot);
        });
    }

    private static double[] evaluate(DualActivation dual, double k11, double k22, double k12) {
        double[] cov = new double[1];
        double[] dot = new double[1];
        dual.compute(new double[] {k11}, new double[] {k22}, new double[] {k12}, 1, cov, dot);
        return new double[] {cov[0], dot[0]};
    }

    private static Map<String, ActivationFunction> closedForms() {
        Map<String, ActivationFunction> closed = new LinkedHashMap<>();
        Activations.all().forEach((name, phi) -> {
            if (phi.closedForm().isPresent()) {
                closed.put(name, phi);
            }
        });
        return closed;
    }
}
