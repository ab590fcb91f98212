package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ntk4j.api.DualActivation;

/**
 * The contract every numeric core's closed-form duals meet, run on the same inputs for each core
 * (subclasses say which): exact values at fixed covariances, agreement with the scalar closed forms
 * to 1e-12 relative on random batches of odd sizes (so vector tails are exercised), finiteness at
 * x = x' and at zero variance, and nothing written beyond the batch.
 */
abstract class ClosedFormContract {

    /** Agreement asked of two implementations of one closed form. */
    static final double RELATIVE = 1e-12;
    /** Batch sizes: a lone pair, short and long tails (1001 = 125·8 + 1 = 250·4 + 1). */
    static final int[] SIZES = {1, 3, 7, 1001};

    /** The dual this core computes for the activation. */
    abstract DualActivation dual(String activation, Map<String, Double> params);

    static Stream<Arguments> activations() {
        return DualReference.CASES.stream().map(c -> Arguments.of(c.activation(), c.params()));
    }

    static Stream<Arguments> activationsAndSizes() {
        return DualReference.CASES.stream().flatMap(c -> Arrays.stream(SIZES)
                .mapToObj(n -> Arguments.of(c.activation(), c.params(), n)));
    }

    @AfterAll
    static void reportDisagreement() {
        Disagreement.printAndClear();
    }

    @Test
    void referenceValuesMatchTheHighPrecisionOnes() {
        for (DualReference.Case c : DualReference.CASES) {
            double[][] rows = c.rows();
            int n = rows.length;
            double[] k11 = column(rows, 0);
            double[] k22 = column(rows, 1);
            double[] k12 = column(rows, 2);
            double[] cov = new double[n];
            double[] dot = new double[n];
            dual(c.activation(), c.params()).compute(k11, k22, k12, n, cov, dot);
            for (int i = 0; i < n; i++) {
                String where = c.activation() + " at " + Arrays.toString(Arrays.copyOf(rows[i], 3));
                // Exact zeros (relu at ρ = −1, the kink at zero variance) are asked to within 1e-15.
                assertThat(cov[i]).as(where + " cov").isCloseTo(rows[i][3], within(rows[i][3]));
                assertThat(dot[i]).as(where + " dot").isCloseTo(rows[i][4], within(rows[i][4]));
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double expected) {
        return org.assertj.core.data.Offset.offset(Math.max(4e-15 * Math.abs(expected), 1e-15));
    }

    @ParameterizedTest(name = "{0} {1}, n = {2}")
    @MethodSource("activationsAndSizes")
    void agreesWithTheScalarClosedFormOnOddBatches(String activation, Map<String, Double> params, int n) {
        Batch b = Batch.random(n, 17L * n + activation.hashCode());
        double[] cov = new double[n];
        double[] dot = new double[n];
        dual(activation, params).compute(b.k11, b.k22, b.k12, n, cov, dot);
        for (int i = 0; i < n; i++) {
            assertThat(Double.isFinite(cov[i]) && Double.isFinite(dot[i])).as("finite at pair %d", i).isTrue();
        }
        double worst = assertAgree(activation, params, b, n, cov, dot, RELATIVE);
        Disagreement.record(getClass().getSimpleName(), activation, worst);
    }

    /**
     * The same agreement once the JIT has compiled the loops: compiled vector code takes other paths
     * for atan2 and sqrt (the platform's vector math library) than the interpreter does.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activations")
    void agreesWithTheScalarClosedFormOnceCompiled(String activation, Map<String, Double> params) {
        int n = 1001;
        Batch b = Batch.random(n, activation.hashCode());
        double[] cov = new double[n];
        double[] dot = new double[n];
        DualActivation dual = dual(activation, params);
        for (int rep = 0; rep < 400; rep++) {
            dual.compute(b.k11, b.k22, b.k12, n, cov, dot);
        }
        double worst = assertAgree(activation, params, b, n, cov, dot, RELATIVE);
        Disagreement.record(getClass().getSimpleName() + " (compiled)", activation, worst);
    }

    @ParameterizedTest(name = "{0} {1}, n = {2}")
    @MethodSource("activationsAndSizes")
    void tailsMatchLonePairsAndNothingBeyondTheBatchIsWritten(String activation, Map<String, Double> params, int n) {
        Batch b = Batch.random(n + 9, 5L * n);
        double[] cov = new double[n + 9];
        double[] dot = new double[n + 9];
        Arrays.fill(cov, -7.0);
        Arrays.fill(dot, -7.0);
        DualActivation dual = dual(activation, params);
        dual.compute(b.k11, b.k22, b.k12, n, cov, dot);
        double[] one = new double[1];
        double[] oneDot = new double[1];
        for (int i = 0; i < n; i++) {
            dual.compute(new double[] {b.k11[i]}, new double[] {b.k22[i]}, new double[] {b.k12[i]}, 1, one, oneDot);
            // Not bit for bit: the JIT may compile the loop between the two calls, and compiled vector
            // math (atan2, sqrt) can differ from the interpreter's by an ulp.
            assertThat(cov[i]).as("cov of pair %d in a batch of %d", i, n).isCloseTo(one[0], near(one[0]));
            assertThat(dot[i]).as("dot of pair %d in a batch of %d", i, n).isCloseTo(oneDot[0], near(oneDot[0]));
        }
        for (int i = n; i < n + 9; i++) {
            assertThat(cov[i]).as("cov beyond the batch").isEqualTo(-7.0);
            assertThat(dot[i]).as("dot beyond the batch").isEqualTo(-7.0);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activations")
    void covarianceAloneNeedsNoDotArray(String activation, Map<String, Double> params) {
        Batch b = Batch.random(11, 3);
        double[] with = new double[11];
        double[] without = new double[11];
        DualActivation dual = dual(activation, params);
        dual.compute(b.k11, b.k22, b.k12, 11, with, new double[11]);
        dual.compute(b.k11, b.k22, b.k12, 11, without, null);
        for (int i = 0; i < 11; i++) {
            assertThat(without[i]).isCloseTo(with[i], near(with[i]));
        }
    }

    /** A few ulps of {@code v}: what separates interpreted from compiled vector math. */
    static org.assertj.core.data.Offset<Double> near(double v) {
        return org.assertj.core.data.Offset.offset(8 * Math.ulp(v));
    }

    /**
     * Asserts {@code |x − ref| ≤ relative·|ref| + 1e-15·range} for cov and dot against the scalar
     * closed form, where range is the largest |value| at the same variances over ρ = ±1. The absolute
     * part matters only next to a zero crossing of the exact value (abs's dot at ρ = 0, leakyRelu's
     * and gelu's cov at some ρ &lt; 0), where no formula keeps relative accuracy and the scalar form
     * itself is only accurate to a few ulps of its terms.
     *
     * @return the largest |x − ref| / max(|ref|, 1e-3·range): plain relative error except within
     *         1e-3 of the range from a zero crossing
     */
    double assertAgree(String activation, Map<String, Double> params, Batch b, int n, double[] cov, double[] dot,
                       double relative) {
        DualActivation reference = ScalarClosedForms.of(activation, params);
        double[] refCov = new double[n];
        double[] refDot = new double[n];
        reference.compute(b.k11, b.k22, b.k12, n, refCov, refDot);
        double[][] range = range(reference, b, n);
        double worst = 0.0;
        for (int i = 0; i < n; i++) {
            double[] got = {cov[i], dot[i]};
            double[] want = {refCov[i], refDot[i]};
            for (int q = 0; q < 2; q++) {
                double diff = Math.abs(got[q] - want[q]);
                String what = q == 0 ? "cov" : "dot";
                assertThat(diff).as("%s %s at k11=%s k22=%s k12=%s: %s vs scalar %s", activation, what,
                        b.k11[i], b.k22[i], b.k12[i], got[q], want[q])
                        .isLessThanOrEqualTo(relative * Math.abs(want[q]) + 1e-15 * range[q][i]);
                if (diff > 0.0) {
                    worst = Math.max(worst, diff / Math.max(Math.abs(want[q]), 1e-3 * range[q][i]));
                }
            }
        }
        return worst;
    }

    /** Per pair, the largest |cov| and |dot| at the same variances over ρ = ±1. */
    private static double[][] range(DualActivation reference, Batch b, int n) {
        double[][] range = new double[2][n];
        for (double sign : new double[] {1.0, -1.0}) {
            double[] k12 = new double[n];
            for (int i = 0; i < n; i++) {
                k12[i] = sign * Math.sqrt(Math.max(b.k11[i], 0.0)) * Math.sqrt(Math.max(b.k22[i], 0.0));
            }
            double[] c = new double[n];
            double[] d = new double[n];
            reference.compute(b.k11, b.k22, k12, n, c, d);
            for (int i = 0; i < n; i++) {
                range[0][i] = Math.max(range[0][i], Math.abs(c[i]));
                range[1][i] = Math.max(range[1][i], Math.abs(d[i]));
            }
        }
        return range;
    }

    static double[] column(double[][] rows, int j) {
        return Arrays.stream(rows).mapToDouble(r -> r[j]).toArray();
    }

    /**
     * Covariances of random pairs of vectors (Gram entries, so consistent), with the hard cases
     * mixed in: x = x' (one double passed thrice), x' = −x, x' = 2x, a zero input, a variance of
     * −1e-18 from upstream rounding, and |ρ| one rounding above 1.
     */
    record Batch(double[] k11, double[] k22, double[] k12) {
        static Batch random(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] k11 = new double[n];
            double[] k22 = new double[n];
            double[] k12 = new double[n];
            for (int i = 0; i < n; i++) {
                double[] x = vector(random);
                double[] y = vector(random);
                switch (random.nextInt(10)) {
                    case 0 -> y = x.clone();
                    case 1 -> y = scaled(x, -1.0);
                    case 2 -> y = scaled(x, 2.0);
                    case 3 -> x = new double[x.length];
                    default -> {
                    }
                }
                k11[i] = dot(x, x);
                k22[i] = dot(y, y);
                k12[i] = dot(x, y);
                int special = random.nextInt(12);
                if (special == 0) {
                    k11[i] = -1e-18;
                    k12[i] = 0.0;
                } else if (special == 1) {
                    k12[i] = Math.copySign(Math.sqrt(k11[i] * k22[i]) * (1.0 + 4e-16), k12[i]);
                }
            }
            return new Batch(k11, k22, k12);
        }

        private static double[] vector(SplittableRandom random) {
            double scale = Math.exp(random.nextDouble(-3.0, 2.0));
            double[] v = new double[3];
            for (int j = 0; j < v.length; j++) {
                v[j] = scale * (random.nextDouble() * 2.0 - 1.0);
            }
            return v;
        }

        private static double[] scaled(double[] x, double s) {
            return Arrays.stream(x).map(v -> v * s).toArray();
        }

        private static double dot(double[] a, double[] b) {
            double s = 0.0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * b[j];
            }
            return s;
        }
    }
}
