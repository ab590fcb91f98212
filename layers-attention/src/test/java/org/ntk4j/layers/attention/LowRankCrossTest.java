package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The factored attention product: found when it exists, refused when not, and equal to the general product. */
class LowRankCrossTest {

    private static final int N1 = 3;
    private static final int N2 = 4;
    private static final int S = 9;

    /**
     * Blocks {@code K_ij = X_i X_jᵀ / d + b²} (as after dense on raw inputs: rank ≤ d + 1), where
     * feature f of input i is zeroed unless {@code features[i][f]} (null: all features kept).
     */
    private static double[] linearTile(int d, double b, long seed, boolean[][] features) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] x = new double[N1 + N2][S][d];
        for (int i = 0; i < x.length; i++) {
            for (double[] row : x[i]) {
                for (int f = 0; f < d; f++) {
                    row[f] = features == null || features[i][f] ? rng.nextGaussian() : 0.0;
                }
            }
        }
        double[] c = new double[N1 * N2 * S * S];
        for (int i = 0; i < N1; i++) {
            for (int j = 0; j < N2; j++) {
                for (int p = 0; p < S; p++) {
                    for (int q = 0; q < S; q++) {
                        double dot = 0;
                        for (int f = 0; f < d; f++) {
                            dot += x[i][p][f] * x[N1 + j][q][f];
                        }
                        c[((i * N2 + j) * S + p) * S + q] = dot / d + b * b;
                    }
                }
            }
        }
        return c;
    }

    private static Bilinear.Weights identity() {
        double[] a = new double[S * S];
        for (int p = 0; p < S; p++) {
            a[p * S + p] = 1;
        }
        return new Bilinear.Weights(a, S, false);
    }

    /** Softmax weights of a random logit matrix, as the layer makes them. */
    private static Bilinear.Weights randomWeights(SplittableRandom rng, boolean causal) {
        double[] l = new double[S * S];
        for (int k = 0; k < l.length; k++) {
            l[k] = 2 * rng.nextGaussian();
        }
        boolean[] mask = new boolean[S];
        java.util.Arrays.fill(mask, true);
        mask[S - 1] = false;
        AttentionWeights.softmaxRows(l, 0, S, mask, causal);
        return new Bilinear.Weights(l, S, causal);
    }

    private static double maxAbs(double[] c) {
        double m = 0;
        for (double x : c) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Every block rebuilt from the factors (A = I) is within the verified bound of the original. */
    private static void assertReconstructs(LowRankCross f, double[] c) {
        Bilinear.Weights id = identity();
        Bilinear product = new Bilinear(S, 1);
        double tol = LowRankCross.TOLERANCE * maxAbs(c);
        for (int i = 0; i < N1; i++) {
            for (int j = 0; j < N2; j++) {
                product.multiplyFactors(0, f.left(i, id.matrix()), f.right(j, id.matrix()));
                for (int p = 0; p < S; p++) {
                    for (int q = 0; q < S; q++) {
                        assertThat(product.row(0, p)[q]).as("block (%d,%d) at (%d,%d)", i, j, p, q)
                                .isCloseTo(c[((i * N2 + j) * S + p) * S + q], within(tol));
                    }
                }
            }
        }
    }

    @Test
    void aLinearImageOfNarrowInputsIsFactoredAndItsProductsEqualTheGeneralOnes() {
        double[] c = linearTile(2, 0.4, 1, null);
        LowRankCross f = LowRankCross.factor(c, N1, N2, S, 6);
        assertThat(f).isNotNull();
        assertThat(f.rank()).isEqualTo(3);
        assertReconstructs(f, c);
        SplittableRandom rng = new SplittableRandom(2);
        for (boolean causal : new boolean[]{false, true}) {
            Bilinear.Weights[] a1 = new Bilinear.Weights[N1];
            Bilinear.Weights[] a2 = new Bilinear.Weights[N2];
            for (int i = 0; i < N1; i++) {
                a1[i] = randomWeights(rng, causal);
            }
            for (int j = 0; j < N2; j++) {
                a2[j] = randomWeights(rng, causal);
            }
            Bilinear general = new Bilinear(S, 1);
            Bilinear factored = new Bilinear(S, 1);
            double scale = maxAbs(c);
            for (int i = 0; i < N1; i++) {
                for (int j = 0; j < N2; j++) {
                    general.load(0, c, (i * N2 + j) * S * S);
                    general.multiply(a1[i], a2[j]);
                    factored.multiplyFactors(0, f.left(i, a1[i].matrix()), f.right(j, a2[j].matrix()));
                    for (int p = 0; p < S; p++) {
                        assertThat(factored.row(0, p)).as("causal %b pair (%d,%d) row %d", causal, i, j, p)
                                .containsExactly(general.row(0, p), within(1e-12 * scale));
                    }
                }
            }
        }
    }

    @Test
    void directionsTheFirstStepsMissAreFoundByTheFullCheck() {
        // Two unrelated groups: x1's inputs 0-1 and x2's inputs 0-1 use features 0-1, x1's input 2 and
        // x2's inputs 2-3 features 2-3, so the tile is block diagonal. The steps start in the first
        // group and, once its residual vanishes, the rows of the second still look untouched to them;
        // only the check of every entry finds that part, and the factorisation goes on from there.
        boolean[][] features = new boolean[N1 + N2][4];
        for (int i = 0; i < N1 + N2; i++) {
            boolean second = i == N1 - 1 || i >= N1 + 2;
            for (int f = 0; f < 4; f++) {
                features[i][f] = second == (f >= 2);
            }
        }
        double[] c = linearTile(4, 0.0, 3, features);
        LowRankCross f = LowRankCross.factor(c, N1, N2, S, 6);
        assertThat(f).isNotNull();
        assertThat(f.rank()).isEqualTo(4);
        assertReconstructs(f, c);
    }

    @Test
    void fullRankOrTooHighRankTilesAreRefused() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] noise = new double[N1 * N2 * S * S];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = rng.nextGaussian();
        }
        assertThat(LowRankCross.factor(noise, N1, N2, S, 6)).isNull();
        assertThat(LowRankCross.factor(linearTile(5, 0.0, 5, null), N1, N2, S, 4)).as("rank 5 > 4").isNull();
        // A rank-5 tile within a tiny perturbation of rank 4 is not rank 4 to 1e-13: refused, not rounded.
        double[] almost = linearTile(4, 0.0, 6, null);
        almost[17] += 1e-9;
        LowRankCross f = LowRankCross.factor(almost, N1, N2, S, 6);
        assertThat(f).isNotNull();
        assertThat(f.rank()).isEqualTo(5);
        assertThat(LowRankCross.factor(almost, N1, N2, S, 4)).isNull();
    }

    @Test
    void aZeroTileHasRankZeroAndZeroProducts() {
        double[] zero = new double[N1 * N2 * S * S];
        LowRankCross f = LowRankCross.factor(zero, N1, N2, S, 6);
        assertThat(f).isNotNull();
        assertThat(f.rank()).isZero();
        Bilinear product = new Bilinear(S, 1);
        product.multiplyFactors(0, f.left(0, identity().matrix()), f.right(1, identity().matrix()));
        assertThat(product.row(0, 2)).containsOnly(0.0);
    }
}
