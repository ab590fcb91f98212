package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;

/** Exact properties of the attention weights and of the kernels they produce. */
class AttentionInvariantsTest {

    private static final Ntk4j NTK4J = Ntk4j.create();

    private static Layer attention(String params) {
        Architecture a = NTK4J.parse("{\"layers\": [{\"type\": \"attention\"" + params
                + "}, {\"type\": \"testMeanPool\"}, {\"type\": \"dense\"}]}");
        return a.layers().get(0);
    }

    /** A random S×S covariance (Gram matrix of random vectors / their count). */
    private static double[] randomCovariance(int s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = 3;
        double[][] v = new double[s][d];
        for (double[] row : v) {
            for (int c = 0; c < d; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        double[] k = new double[s * s];
        for (int p = 0; p < s; p++) {
            for (int q = 0; q < s; q++) {
                for (int c = 0; c < d; c++) {
                    k[p * s + q] += v[p][c] * v[q][c] / d;
                }
            }
        }
        return k;
    }

    @Test
    void rowsSumToOneAndHiddenKeysGetNothing() {
        int s = 6;
        double[] k = randomCovariance(s, 5);
        boolean[] mask = {true, true, false, true, true, false};
        for (boolean causal : new boolean[]{false, true}) {
            double[] a = AttentionWeights.limit(k, 0, s, 2.0, PositionalCovariance.matrix(new int[]{s}, 0.5), mask, causal);
            for (int p = 0; p < s; p++) {
                double sum = 0;
                for (int q = 0; q < s; q++) {
                    double w = a[p * s + q];
                    if (!mask[q] || (causal && q > p)) {
                        assertThat(w).as("weight of hidden key %d for query %d", q, p).isZero();
                    } else {
                        assertThat(w).isPositive();
                    }
                    sum += w;
                }
                assertThat(sum).as("row %d", p).isCloseTo(1.0, within(1e-14));
            }
        }
    }

    @Test
    void aQueryWithNoVisibleKeyGetsAZeroRowAndHugeLogitsStayFinite() {
        int s = 4;
        double[] k = randomCovariance(s, 6);
        boolean[] leadingPadding = {false, false, true, true};
        double[] a = AttentionWeights.limit(k, 0, s, 1e6, null, leadingPadding, true);
        for (int q = 0; q < s; q++) {
            assertThat(a[q]).isZero();
            assertThat(a[s + q]).isZero();
        }
        for (double w : a) {
            assertThat(w).isFinite().isBetween(0.0, 1.0);
        }
        assertThat(a[2 * s + 2]).isEqualTo(1.0);
    }

    @Test
    void positionalCovarianceDecaysWithGridDistanceAndIsSampledWithIt() {
        double[] p = PositionalCovariance.matrix(new int[]{2, 3}, 0.5);
        // (0,0) against (1,2): L1 distance 3.
        assertThat(p[0 * 6 + 5]).isEqualTo(0.125);
        assertThat(p[4 * 6 + 4]).isEqualTo(1.0);
        // Empirical covariance of the AR(1) field sampler against the matrix.
        int[] grid = {2, 3};
        SplittableRandom rng = new SplittableRandom(9);
        double[] field = new double[6];
        double[] acc = new double[36];
        int draws = 40000;
        for (int t = 0; t < draws; t++) {
            PositionalCovariance.sample(grid, 0.5, rng, field);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    acc[i * 6 + j] += field[i] * field[j] / draws;
                }
            }
        }
        for (int k = 0; k < 36; k++) {
            // Standard error of a covariance estimate ≤ √(2/draws) ≈ 0.007.
            assertThat(acc[k]).as("entry %d", k).isCloseTo(p[k], within(0.03));
        }
    }

    /** The (N·S)×(N·S) matrix of all position pairs of all inputs, from the cross blocks of x against x. */
    private static double[][] positionMatrix(KernelState s, double[] blocks) {
        int n = s.n1();
        int size = s.positions();
        double[][] m = new double[n * size][n * size];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < size; p++) {
                    for (int q = 0; q < size; q++) {
                        m[i * size + p][j * size + q] = blocks[((i * n + j) * size + p) * size + q];
                    }
                }
            }
        }
        return m;
    }

    private static KernelState inputState(Inputs x, boolean[][] mask) {
        int n = x.count();
        int t = x.positions();
        int d = x.channels();
        KernelState s = KernelState.create(n, n, x.spatial(), KernelState.Positions.FULL, d, true, mask, mask);
        double[] v = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < t; p++) {
                    for (int q = 0; q < t; q++) {
                        double dot = 0;
                        for (int c = 0; c < d; c++) {
                            dot += v[(i * t + p) * d + c] * v[(j * t + q) * d + c];
                        }
                        int off = ((i * n + j) * t + p) * t + q;
                        s.cross()[off] = dot / d;
                        // A made-up but PSD input NTK (the NNGP itself) so the Θ path is exercised.
                        s.ntk()[off] = dot / d;
                        if (i == j) {
                            s.self1()[(i * t + p) * t + q] = dot / d;
                            s.self2()[(i * t + p) * t + q] = dot / d;
                        }
                    }
                }
            }
        }
        return s;
    }

    private static void assertSymmetricPsd(double[][] m, String what) {
        double max = 0;
        for (int i = 0; i < m.length; i++) {
            max = Math.max(max, Math.abs(m[i][i]));
            for (int j = 0; j < m.length; j++) {
                assertThat(m[i][j]).as("%s symmetric at %d,%d", what, i, j).isCloseTo(m[j][i], within(1e-12 * (1 + Math.abs(m[i][j]))));
            }
        }
        double[] ev = SymmetricEigen.eigenvalues(m);
        assertThat(ev[0]).as("%s smallest eigenvalue", what).isGreaterThan(-1e-10 * max);
    }

    @Test
    void perPositionKernelsAreSymmetricPsdAndSelfBlocksMatchTheDiagonal() {
        boolean[][] mask = SequenceInputs.lengths(5, 5, 3, 4);
        Inputs x = SequenceInputs.random(3, 5, 4, 21, mask);
        for (String params : new String[]{", \"qkStd\": 2.0, \"bStd\": 0.3",
                ", \"qkStd\": 1.5, \"causal\": true, \"posEmb\": \"sum\", \"posDecay\": 0.7"}) {
            KernelState s = attention(params).apply(inputState(x, mask));
            assertSymmetricPsd(positionMatrix(s, s.cross()), "NNGP" + params);
            assertSymmetricPsd(positionMatrix(s, s.ntk()), "NTK" + params);
            int e = s.entrySize();
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < e; k++) {
                    assertThat(s.self1()[i * e + k]).isCloseTo(s.cross()[(i * 3 + i) * e + k], within(1e-12));
                }
            }
        }
    }

    @Test
    void networkKernelsAreSymmetricPsdAndDoNotDependOnTheHeadCount() {
        Inputs x = SequenceInputs.random(6, 4, 3, 22, null);
        KernelMatrices one = null;
        for (int heads : new int[]{1, 3}) {
            Architecture a = NTK4J.parse("{\"layers\": [{\"type\": \"attention\", \"heads\": " + heads
                    + ", \"qkStd\": 1.7, \"posEmb\": \"sum\"}, {\"type\": \"testMeanPool\"}, {\"type\": \"dense\", \"bStd\": 0.1}]}");
            KernelMatrices k = a.kernels(x);
            assertSymmetricPsd(k.nngp2d(), "NNGP");
            assertSymmetricPsd(k.ntk2d(), "NTK");
            if (one == null) {
                one = k;
            } else {
                assertThat(k.nngp()).containsExactly(one.nngp(), within(0.0));
                assertThat(k.ntk()).containsExactly(one.ntk(), within(0.0));
            }
        }
    }

    @Test
    void refusesVectorsAndPositionalParametersWithoutEmbeddings() {
        Layer l = attention("");
        assertThatThrownBy(() -> l.outputShape(Shape.vector(8)))
                .isInstanceOf(SpecException.class).hasMessageContaining("layers[0]").hasMessageContaining("sequence");
        assertThatThrownBy(() -> attention(", \"posDecay\": 0.3"))
                .isInstanceOf(SpecException.class).hasMessageContaining("layers[0].posDecay")
                .hasMessageContaining("posEmb");
        assertThatThrownBy(() -> attention(", \"posEmb\": \"concat\""))
                .isInstanceOf(SpecException.class).hasMessageContaining("posEmb");
    }
}
