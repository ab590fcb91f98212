package org.ntk4j.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianExpectationTest {

    @Test
    void erfSquaredOfAStandardNormalIsTheKnownValue() {
        // E[erf(z)²] = (2/π)·asin(2/3) for z ~ N(0, 1)
        double exact = 2 / Math.PI * Math.asin(2.0 / 3.0);
        double got = GaussianExpectation.of(x -> TestActivations.erf(x) * TestActivations.erf(x), 1);
        assertThat(Math.abs(got - exact) / exact).isLessThan(1e-11);
        // the same through the two-dimensional dual at x = x'
        double[] dual = ScalarNumericCoreReferenceTest.dual(
                new ScalarNumericCore().quadrature(TestActivations.byName("erf"), 0), 1, 1, 1);
        assertThat(Math.abs(dual[0] - exact) / exact).isLessThan(1e-11);
    }

    @Test
    void kinkedAndJumpingFunctionsAtAnyVariance() {
        for (double k : new double[] {1e-6, 0.5, 1, 10, 100, 1e4}) {
            // E[relu(u)²] = k/2, E[|u|] = √(2k/π), P(u > 0) = 1/2
            assertThat(GaussianExpectation.of(x -> x > 0 ? x * x : 0, k)).isCloseTo(k / 2, within(1e-11 * k));
            assertThat(GaussianExpectation.of(Math::abs, k)).isCloseTo(Math.sqrt(2 * k / Math.PI), within(1e-11 * Math.sqrt(k)));
            assertThat(GaussianExpectation.of(x -> x > 0 ? 1 : 0, k)).isCloseTo(0.5, within(1e-12));
        }
    }

    @Test
    void sharpSmoothFunctionAtLargeVariance() {
        // At k12 = 0 the NTK reference of ScalarNumericCoreReferenceTest is E[tanh'(u)]², u ~ N(0, k):
        // 0.230423284750882138702557103704 (k = 2) and 0.058919660319638099813229313735 (k = 10).
        double[][] cases = {{2, 0.230423284750882138702557103704}, {10, 0.058919660319638099813229313735}};
        for (double[] c : cases) {
            double e = GaussianExpectation.of(x -> 1 - Math.tanh(x) * Math.tanh(x), c[0]);
            assertThat(Math.abs(e * e - c[1]) / c[1]).as("variance %s", c[0]).isLessThan(1e-11);
        }
    }

    @Test
    void nonZeroMeanIsSplitWhereTheArgumentCrossesZero() {
        // E[relu(u)] for u ~ N(m, σ²) = m Φ(m/σ) + σ ϕ(m/σ)
        double m = -1.3;
        double s = 0.4;
        double t = m / s;
        double exact = m * TestActivations.normalCdf(t) + s * Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
        // (a value 1e-4 of σ: the rule's absolute accuracy is ~1e-13 of σ)
        assertThat(GaussianExpectation.of(x -> Math.max(x, 0), m, s * s)).isCloseTo(exact, within(1e-12 * s));
        // E[sign(u)] = 2Φ(m/σ) − 1
        assertThat(GaussianExpectation.of(Math::signum, m, s * s)).isCloseTo(2 * TestActivations.normalCdf(t) - 1, within(1e-12));
    }

    @Test
    void zeroVarianceIsTheValueAtTheMean() {
        assertThat(GaussianExpectation.of(Math::cos, 0)).isEqualTo(1.0);
        assertThat(GaussianExpectation.of(Math::cos, 0.7, 0)).isEqualTo(Math.cos(0.7));
        assertThat(GaussianExpectation.of(Math::cos, Double.NaN)).isNaN();
    }
}
