package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.engine.Ntk4j;

/**
 * The layer's output against the defining formula, per pair and per input, when its input has low rank (the
 * factored product) and when it has not (the general one), for NNGP and NTK, causal or not, with
 * sequences of different lengths.
 */
class AttentionFactoredPathTest {

    private static final int N = 4;
    private static final int T = 9;
    private static final int D = 2;

    private enum Theta { SAME_AS_K, HALF_K, FULL_RANK }

    /** K from N sequences of D channels (rank ≤ D: the factored path), Θ as asked. */
    private static KernelState state(Theta theta, boolean[][] mask) {
        SplittableRandom rng = new SplittableRandom(31);
        double[] x = new double[N * T * D];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        KernelState s = KernelState.create(N, N, new int[]{T}, KernelState.Positions.FULL, D, true, mask, mask);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int p = 0; p < T; p++) {
                    for (int q = 0; q < T; q++) {
                        double dot = 0;
                        for (int c = 0; c < D; c++) {
                            dot += x[(i * T + p) * D + c] * x[(j * T + q) * D + c];
                        }
                        int off = ((i * N + j) * T + p) * T + q;
                        s.cross()[off] = dot / D;
                        s.ntk()[off] = switch (theta) {
                            case SAME_AS_K -> dot / D;
                            case HALF_K -> 0.5 * dot / D;
                            // Adding the identity to each input's own blocks: PSD and of full rank.
                            case FULL_RANK -> dot / D + (i == j && p == q ? 0.1 : 0.0);
                        };
                        if (i == j) {
                            s.self1()[(i * T + p) * T + q] = dot / D;
                            s.self2()[(i * T + p) * T + q] = dot / D;
                        }
                    }
                }
            }
        }
        return s;
    }

    @Test
    void lowRankAndFullRankInputsBothGiveTheDefiningFormula() {
        Ntk4j ntk4j = Ntk4j.create();
        boolean[][] mask = SequenceInputs.lengths(T, 9, 6, 8, 9);
        for (boolean causal : new boolean[]{false, true}) {
            Layer layer = ntk4j.parse("{\"layers\": [{\"type\": \"attention\", \"qkStd\": 1.5, \"bStd\": 0.3, "
                    + "\"causal\": " + causal + "}, {\"type\": \"testMeanPool\"}, {\"type\": \"dense\"}]}").layers().get(0);
            for (Theta theta : Theta.values()) {
                KernelState in = state(theta, mask);
                double[] k = in.cross().clone();
                double[] th = in.ntk().clone();
                double[] own = in.self1().clone();
                double[][] a = new double[N][];
                for (int i = 0; i < N; i++) {
                    a[i] = AttentionWeights.limit(in.self1(), i * T * T, T, 1.5 * 1.5, null, mask[i], causal);
                }
                KernelState out = layer.apply(in);
                double scale = 0;
                for (double v : out.ntk()) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < N; i++) {
                    double[] aka = naive(a[i], own, i * T * T, a[i]);
                    for (int e = 0; e < T * T; e++) {
                        assertThat(out.self1()[i * T * T + e]).as("causal %b, Θ %s, own block %d[%d]", causal, theta, i, e)
                                .isCloseTo(aka[e] + 0.09, within(1e-12 * scale));
                    }
                    for (int j = 0; j < N; j++) {
                        double[] akb = naive(a[i], k, (i * N + j) * T * T, a[j]);
                        double[] atb = naive(a[i], th, (i * N + j) * T * T, a[j]);
                        for (int e = 0; e < T * T; e++) {
                            int off = (i * N + j) * T * T + e;
                            // ntk parameterization, oStd = vStd = 1: K' = AKA'ᵀ + b², Θ' = 2·AKA'ᵀ + b² + AΘA'ᵀ.
                            assertThat(out.cross()[off]).as("causal %b, Θ %s, NNGP (%d,%d)[%d]", causal, theta, i, j, e)
                                    .isCloseTo(akb[e] + 0.09, within(1e-12 * scale));
                            assertThat(out.ntk()[off]).as("causal %b, Θ %s, NTK (%d,%d)[%d]", causal, theta, i, j, e)
                                    .isCloseTo(2 * akb[e] + 0.09 + atb[e], within(1e-12 * scale));
                        }
                    }
                }
            }
        }
    }

    /** {@code A · K · Bᵀ} by its triple sum. */
    private static double[] naive(double[] a, double[] k, int off, double[] b) {
        double[] out = new double[T * T];
        for (int p = 0; p < T; p++) {
            for (int q = 0; q < T; q++) {
                double sum = 0;
                for (int r = 0; r < T; r++) {
                    for (int c = 0; c < T; c++) {
                        sum += a[p * T + r] * k[off + r * T + c] * b[q * T + c];
                    }
                }
                out[p * T + q] = sum;
            }
        }
        return out;
    }
}
