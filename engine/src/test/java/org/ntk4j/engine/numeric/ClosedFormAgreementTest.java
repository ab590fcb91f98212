package org.ntk4j.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * The automatic rule against exact closed forms over a grid of variances and correlations,
 * including correlations within 1e-12 of ±1 and unequal variances.
 *
 * <p>Error measure: |got − exact| / (|exact| + 1e-3·scale), scale = √(E[φ(u)²]E[φ(v)²]) for the
 * NNGP (√(E[φ'(u)²]E[φ'(v)²]) for the NTK): relative wherever the value is not tiny compared with
 * its natural size (at ρ = −1 relu's NNGP is exactly 0, and near it no relative bound means much).
 */
class ClosedFormAgreementTest {

    private static final double TOLERANCE = 1e-9;
    private static final double[][] VARIANCES = {
        {0.01, 0.01}, {0.3, 0.3}, {1, 1}, {3, 3}, {10, 10}, {0.5, 8}, {10, 2},
    };
    private static final double[] CORRELATIONS = {
        -1, -(1 - 1e-12), -0.999999, -0.9, -0.5, -0.1, 0, 1e-7, 0.3, 0.7, 0.99, 0.9999, 1 - 1e-12, 1,
    };

    /** An activation with its exact dual: {cov, dot} as a function of (k11, k22, k12). */
    interface Exact {
        double[] at(double k11, double k22, double k12);
    }

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("relu", TestActivations.byName("relu"), (Exact) ClosedFormAgreementTest::relu),
                Arguments.of("abs", TestActivations.byName("abs"), (Exact) (a, b, c) -> {
                    // |x| = 2 relu(x) − x and sign·sign: E = 4 relu − k12, dot = 1 − 2θ/π
                    double[] r = relu(a, b, c);
                    return new double[] {4 * r[0] - c, 1 - 2 * theta(a, b, c) / Math.PI};
                }),
                Arguments.of("leakyRelu(0.1)", TestActivations.leakyRelu(0.1), (Exact) (a, b, c) -> {
                    // leaky(x) = s x + (1 − s) relu(x) and E[u relu(v)] = k12 / 2
                    double s = 0.1;
                    double[] r = relu(a, b, c);
                    double dotRelu = r[1];
                    return new double[] {s * s * c + s * (1 - s) * c + (1 - s) * (1 - s) * r[0],
                        s * s + s * (1 - s) + (1 - s) * (1 - s) * dotRelu};
                }),
                Arguments.of("sign", TestActivations.byName("sign"), (Exact) (a, b, c) ->
                        new double[] {1 - 2 * theta(a, b, c) / Math.PI, 0}),
                Arguments.of("erf", TestActivations.byName("erf"), (Exact) (a, b, c) -> {
                    double q = (1 + 2 * a) * (1 + 2 * b);
                    return new double[] {2 / Math.PI * Math.asin(clamp(2 * c / Math.sqrt(q))),
                        4 / Math.PI / Math.sqrt(Math.max(q - 4 * c * c, (1 + 2 * a) + (1 + 2 * b) - 1))};
                }),
                Arguments.of("sin", TestActivations.byName("sin"), (Exact) (a, b, c) -> {
                    double e = Math.exp(-(a + b) / 2);
                    return new double[] {e * Math.sinh(c), e * Math.cosh(c)};
                }),
                Arguments.of("cos", TestActivations.byName("cos"), (Exact) (a, b, c) -> {
                    double e = Math.exp(-(a + b) / 2);
                    return new double[] {e * Math.cosh(c), e * Math.sinh(c)};
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void automaticRuleMatchesClosedForm(String name, ActivationFunction f, Exact exact) {
        DualActivation dual = new ScalarNumericCore().quadrature(f, 0);
        List<String> failures = new ArrayList<>();
        for (double[] v : VARIANCES) {
            for (double rho : CORRELATIONS) {
                double k12 = rho * Math.sqrt(v[0] * v[1]);
                double[] got = ScalarNumericCoreReferenceTest.dual(dual, v[0], v[1], k12);
                double[] want = exact.at(v[0], v[1], k12);
                double[] uu = exact.at(v[0], v[0], v[0]);
                double[] vv = exact.at(v[1], v[1], v[1]);
                double ec = error(got[0], want[0], Math.sqrt(uu[0] * vv[0]));
                double ed = error(got[1], want[1], Math.sqrt(Math.abs(uu[1] * vv[1])));
                if (!(ec < TOLERANCE && ed < TOLERANCE)) {
                    failures.add(String.format("k11=%s k22=%s rho=%s: cov %s vs %s (%.1e), dot %s vs %s (%.1e)",
                            v[0], v[1], rho, got[0], want[0], ec, got[1], want[1], ed));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    static double error(double got, double want, double scale) {
        double floor = Math.abs(want) + 1e-3 * scale;
        return floor == 0 ? Math.abs(got) : Math.abs(got - want) / floor;
    }

    /**
     * The angle between x and x', from atan2 of √(k11 k22 − k12²) and k12: acos(k12/√(k11 k22)) is
     * ill-conditioned near ±1 (it would turn the rounding of k12 into 1e-8 errors of the reference
     * at ρ = 1 − 1e-12), and this is the same quantity the quadrature starts from.
     */
    static double theta(double k11, double k22, double k12) {
        return Math.atan2(Math.sqrt(Math.max(0, k11 * k22 - k12 * k12)), k12);
    }

    static double clamp(double x) {
        return Math.max(-1, Math.min(1, x));
    }

    /** The arc-cosine kernel of degree 1 (Cho and Saul): relu's exact dual. */
    static double[] relu(double k11, double k22, double k12) {
        double s = Math.sqrt(k11 * k22);
        double t = theta(k11, k22, k12);
        return new double[] {s * (Math.sin(t) + (Math.PI - t) * Math.cos(t)) / (2 * Math.PI), (Math.PI - t) / (2 * Math.PI)};
    }
}
