package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A cold dual computes most pairs in scalar arithmetic and a hot one all in vectors: both must give
 * the same bits, or the kernel of an input with itself could see correlations of 1 ± 1 ulp.
 */
@Tag("vector")
class ScalarTwinTest {

    private static final int N = 1001;
    private final ClosedFormContract.Batch batch = ClosedFormContract.Batch.random(N, 99);

    @Test
    void atan2() {
        SplittableRandom random = new SplittableRandom(3);
        double[] y = new double[N];
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 6));
            x[i] = i % 17 == 0 ? 0.0 : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 6));
        }
        double[] vector = new double[N];
        for (int i = 0; i < N; i += Lanes.LENGTH) {
            var m = Lanes.tail(i, N);
            VectorAtan2.atan2(Lanes.load(y, i, m), Lanes.load(x, i, m)).intoArray(vector, i, m);
        }
        for (int i = 0; i < N; i++) {
            assertThat(ScalarTwin.atan2(y[i], x[i])).as("atan2(%s, %s)", y[i], x[i]).isEqualTo(vector[i]);
        }
    }

    @Test
    void arcCosineFamily() {
        for (double[] ab : new double[][] {{0.0, 1.0}, {0.1, 1.0}, {-0.3, 2.0}, {-1.0, 1.0}}) {
            ArcCosineDual dual = new ArcCosineDual(ab[0], ab[1]);
            double[][] hot = outputs();
            double[][] cold = outputs();
            dual.vectors(batch.k11(), batch.k22(), batch.k12(), hot[0], hot[1], N);
            dual.compute(batch.k11(), batch.k22(), batch.k12(), N, cold[0], cold[1]);
            assertThat(dual.isHot()).isFalse();
            assertThat(cold[0]).as("cov, a=%s b=%s", ab[0], ab[1]).containsExactly(hot[0]);
            assertThat(cold[1]).as("dot, a=%s b=%s", ab[0], ab[1]).containsExactly(hot[1]);
        }
    }

    /**
     * Runs (one row of a kernel, in place, the NTK multiplied) give the bits of batches: rows of only
     * non-negative covariances take relu's short path, mixed rows and tails the general one.
     */
    @Test
    void arcCosineRuns() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 203;
        double[] k22 = new double[n + 3];
        for (int q = 0; q < k22.length; q++) {
            k22[q] = q % 31 == 0 ? 0.0 : random.nextDouble() * 4;
        }
        for (double[] ab : new double[][] {{0.0, 1.0}, {0.0, 1.7}, {-0.3, 2.0}}) {
            ArcCosineDual dual = new ArcCosineDual(ab[0], ab[1]);
            for (int row = 0; row < 40; row++) {
                double k11 = row % 13 == 0 ? 0.0 : random.nextDouble() * 3;
                boolean mixed = row % 2 == 0;
                double[] cross = new double[n + 5];
                double[] ntk = new double[n + 5];
                for (int q = 0; q < n; q++) {
                    double bound = Math.sqrt(k11 * k22[q + 3]);
                    double rho = q % 29 == 0 ? 1.0 : mixed ? 2 * random.nextDouble() - 1 : random.nextDouble();
                    cross[q + 5] = rho * bound;
                    ntk[q + 5] = random.nextDouble();
                }
                double[] k11s = new double[n];
                java.util.Arrays.fill(k11s, k11);
                double[] expectedCov = new double[n];
                double[] expectedDot = new double[n];
                dual.compute(k11s, java.util.Arrays.copyOfRange(k22, 3, n + 3),
                        java.util.Arrays.copyOfRange(cross, 5, n + 5), n, expectedCov, expectedDot);
                double[] expectedNtk = java.util.Arrays.copyOfRange(ntk, 5, n + 5);
                for (int q = 0; q < n; q++) {
                    expectedNtk[q] *= expectedDot[q];
                }
                dual.runs(k11, k22, 3, cross, 5, n, ntk);
                assertThat(java.util.Arrays.copyOfRange(cross, 5, n + 5)).as("cov, a=%s row %d", ab[0], row)
                        .containsExactly(expectedCov);
                assertThat(java.util.Arrays.copyOfRange(ntk, 5, n + 5)).as("ntk, a=%s row %d", ab[0], row)
                        .containsExactly(expectedNtk);
            }
        }
    }

    @Test
    void erfAndGelu() {
        ErfDual erf = new ErfDual();
        GeluDual gelu = new GeluDual();
        double[][] hot = outputs();
        double[][] cold = outputs();
        erf.vectors(batch.k11(), batch.k22(), batch.k12(), hot[0], hot[1], N);
        erf.compute(batch.k11(), batch.k22(), batch.k12(), N, cold[0], cold[1]);
        assertThat(cold[0]).as("erf cov").containsExactly(hot[0]);
        assertThat(cold[1]).as("erf dot").containsExactly(hot[1]);
        gelu.vectors(batch.k11(), batch.k22(), batch.k12(), hot[0], hot[1], N);
        gelu.compute(batch.k11(), batch.k22(), batch.k12(), N, cold[0], cold[1]);
        assertThat(cold[0]).as("gelu cov").containsExactly(hot[0]);
        assertThat(cold[1]).as("gelu dot").containsExactly(hot[1]);
    }

    @Test
    void signAndIdentity() {
        double[][] hot = outputs();
        double[][] cold = outputs();
        SignDual.vectors(batch.k11(), batch.k22(), batch.k12(), hot[0], N);
        IdentityDual.vectors(batch.k11(), batch.k22(), batch.k12(), hot[1], N);
        new SignDual().compute(batch.k11(), batch.k22(), batch.k12(), N, cold[0], null);
        new IdentityDual().compute(batch.k11(), batch.k22(), batch.k12(), N, cold[1], null);
        assertThat(cold[0]).as("sign").containsExactly(hot[0]);
        assertThat(cold[1]).as("identity").containsExactly(hot[1]);
    }

    private static double[][] outputs() {
        return new double[2][N];
    }
}
