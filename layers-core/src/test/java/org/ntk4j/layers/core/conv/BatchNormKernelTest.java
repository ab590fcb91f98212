package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.layers.core.Gaussian;

/** Exact references for the batchNorm kernel (GP4A's values, invariants) and its Monte Carlo part. */
class BatchNormKernelTest {

    /** Gram matrix {@code X Xᵀ / d} of the rows of x. */
    static double[] gram(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += x[i][c] * x[j][c];
                }
                k[i * n + j] = s / d;
            }
        }
        return k;
    }

    private static final double[][] ISSUE_BATCH = {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0.5, -1, 1}};

    @Test
    void bnReluMatchesTheLaplaceIntegralValuesOfIssue7() {
        // dense(wStd 1, bStd 0) gives K = X Xᵀ/3; the final dense(wStd 1) leaves the kernel as is.
        BatchNormKernel bn = new BatchNormKernel("b", 0, ArcCosRelu.INSTANCE, 1000, 1);
        BatchNormKernel.Result r = bn.compute(4, gram(ISSUE_BATCH), null, new int[4]);
        assertThat(r.nngpExact()).isTrue();
        assertThat(r.samplesUsed()).isZero();
        double[] k = r.nngp();
        // GP4A's integral, checked by 10⁷ samples (issue 7); our own numpy trapezoid agrees to 1e-13.
        assertThat(k[0]).isCloseTo(0.233360, within(1e-6));
        assertThat(k[5]).isCloseTo(0.542305, within(1e-6));
        assertThat(k[10]).isCloseTo(0.385114, within(1e-6));
        assertThat(k[15]).isCloseTo(0.839222, within(1e-6));
        assertThat(k[1]).isCloseTo(0.022213, within(1e-6));
        assertThat(k[2]).isCloseTo(0.105654, within(1e-6));
        assertThat(k[3]).isCloseTo(0.124928, within(1e-6));
        assertThat(k[4]).isEqualTo(k[1]);
    }

    @Test
    void traceOfBnReluKernelIsHalfTheBatch() {
        for (int b : new int[]{2, 3, 6, 11}) {
            double[] k = gram(randomRows(b, 5, b));
            for (double eps : new double[]{0, 0.3}) {
                BatchNormKernel.Result r = new BatchNormKernel("b", eps, ArcCosRelu.INSTANCE, 1000, 1)
                        .compute(b, k, null, new int[b]);
                double trace = 0;
                double traceBn = 0;
                BatchNormKernel.Result plain = new BatchNormKernel("b", eps, null, 1000, 1).compute(b, k, null, new int[b]);
                for (int i = 0; i < b; i++) {
                    trace += r.nngp()[i * b + i];
                    traceBn += plain.nngp()[i * b + i];
                }
                if (eps == 0) {
                    // Σ_i y_i² = B exactly, and relu keeps half of each y_i² by the symmetry z → −z.
                    assertThat(trace).as("B=%d", b).isCloseTo(b / 2.0, within(1e-10));
                    assertThat(traceBn).as("B=%d", b).isCloseTo(b, within(1e-10));
                } else {
                    // With eps the symmetry still halves: trace(relu) = trace(identity) / 2 < B/2.
                    assertThat(trace).isCloseTo(traceBn / 2, within(1e-10)).isLessThan(b / 2.0);
                }
            }
        }
    }

    @Test
    void monteCarloAgreesWithTheExactIntegralWithinItsStandardError() {
        // Stack the batch twice as two batches: the cross-batch block (Monte Carlo) must then equal
        // the within-batch block (exact), since both batches see identical z.
        double[][] rows = randomRows(5, 4, 42);
        double[][] twice = new double[10][];
        int[] batchOf = new int[10];
        for (int i = 0; i < 10; i++) {
            twice[i] = rows[i % 5];
            batchOf[i] = i / 5;
        }
        for (ArcCosRelu act : new ArcCosRelu[]{ArcCosRelu.INSTANCE, null}) {
            BatchNormKernel.Result r = new BatchNormKernel("b", 0.1, act, 40_000, 3).compute(10, gram(twice), null, batchOf);
            assertThat(r.nngpExact()).isFalse();
            assertThat(r.nngpStdErr()).isGreaterThan(0).isLessThan(0.01);
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    double exact = r.nngp()[i * 10 + j];
                    double mc = r.nngp()[i * 10 + 5 + j];
                    assertThat(mc).isCloseTo(exact, within(5 * r.nngpStdErr()));
                }
            }
        }
    }

    @Test
    void radialIntegrationAtZeroEpsAgreesWithPlainSampling() {
        // eps = 0 integrates the radius of z out exactly; eps = 1e-12 (same kernel to ~1e-12) samples it.
        int b = 6;
        double[] k = gram(randomRows(b, 8, 17));
        double[] theta = gram(randomRows(b, 8, 18));
        for (int i = 0; i < b * b; i++) {
            theta[i] += k[i];
        }
        BatchNormKernel.Result radial = new BatchNormKernel("b", 0, ArcCosRelu.INSTANCE, 60_000, 1)
                .compute(b, k, theta, new int[b]);
        BatchNormKernel.Result plain = new BatchNormKernel("b", 1e-12, ArcCosRelu.INSTANCE, 60_000, 2)
                .compute(b, k, theta, new int[b]);
        double tol = 5 * Math.hypot(radial.ntkStdErr(), plain.ntkStdErr());
        assertThat(radial.ntkStdErr()).isLessThan(plain.ntkStdErr());
        for (int i = 0; i < b * b; i++) {
            assertThat(radial.ntk()[i]).isCloseTo(plain.ntk()[i], within(tol));
        }
        System.out.printf("BN NTK standard error: radial %.2e, plain %.2e%n", radial.ntkStdErr(), plain.ntkStdErr());
    }

    @Test
    void zeroEpsNtkDivergesForRankTwoAndVanishesForBatchesOfTwo() {
        double[] three = gram(randomRows(3, 4, 3));
        assertThatThrownBy(() -> new BatchNormKernel("layers[1]", 0, null, 1000, 1).compute(3, three, three, new int[3]))
                .isInstanceOf(org.ntk4j.api.SpecException.class).hasMessageContaining("layers[1]")
                .hasMessageContaining("eps > 0");
        double[] two = gram(randomRows(2, 4, 3));
        BatchNormKernel.Result r = new BatchNormKernel("b", 0, null, 1000, 1).compute(2, two, two, new int[2]);
        assertThat(r.ntk()).containsOnly(0.0);
        // BN of a batch of two is ±1 whatever z is.
        assertThat(r.nngp()).containsExactly(new double[]{1, -1, -1, 1}, within(1e-12));
    }

    @Test
    void homogeneityProbeSeparatesReluFromSmoothActivations() {
        assertThat(BatchNormKernel.isPositivelyHomogeneous(ArcCosRelu.INSTANCE)).isTrue();
        assertThat(BatchNormKernel.isPositivelyHomogeneous(new org.ntk4j.api.ActivationFunction() {
            @Override
            public double value(double x) {
                return Math.tanh(x);
            }

            @Override
            public double derivative(double x) {
                return 1 - Math.tanh(x) * Math.tanh(x);
            }
        })).isFalse();
    }

    @Test
    void jacobiReconstructsTheMatrix() {
        int n = 9;
        double[] k = gram(randomRows(n, 4, 5));
        SymmetricEigen e = SymmetricEigen.of(k, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int r = 0; r < n; r++) {
                    s += e.vectors[i * n + r] * e.values[r] * e.vectors[j * n + r];
                }
                assertThat(s).isCloseTo(k[i * n + j], within(1e-12));
            }
        }
    }

    static double[][] randomRows(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            Gaussian.fill(row, 1.0, rng);
        }
        return x;
    }
}
