package org.ntk4j.layers.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;

/** Kernel states of small random sequences, built directly (for layer-level tests). */
final class States {
    static final int N = 3;
    static final int S = 4;
    static final int C = 3;

    private States() {
    }

    /** Three sequences of four positions and three channels, x1 = x2, the input kernel {@code <x_p, y_q>/C}. */
    static KernelState sequences(Positions mode, boolean[][] mask) {
        SplittableRandom rng = new SplittableRandom(42);
        double[][][] x = new double[N][S][C];
        for (double[][] a : x) {
            for (double[] b : a) {
                for (int c = 0; c < C; c++) {
                    b[c] = rng.nextDouble(-1, 1);
                }
            }
        }
        KernelState s = KernelState.create(N, N, new int[]{S}, mode, C, true, mask, mask);
        int e = s.entrySize();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                fill(s, x[i], x[j], s.cross(), (i * N + j) * e);
            }
            fill(s, x[i], x[i], s.self1(), i * e);
            fill(s, x[i], x[i], s.self2(), i * e);
        }
        return s;
    }

    private static void fill(KernelState s, double[][] a, double[][] b, double[] out, int off) {
        for (int k = 0; k < s.entrySize(); k++) {
            int p = s.mode() == Positions.FULL ? k / S : k;
            int q = s.mode() == Positions.FULL ? k % S : k;
            double d = 0;
            for (int c = 0; c < C; c++) {
                d += a[p][c] * b[q][c];
            }
            out[off + k] = d / C;
        }
    }

    /** The same-position entries of a FULL state equal a DIAGONAL state. */
    static void assertDiagonalOf(KernelState full, KernelState diagonal) {
        assertThat(full.mode()).isEqualTo(Positions.FULL);
        assertThat(diagonal.mode()).isEqualTo(Positions.DIAGONAL);
        for (int pair = 0; pair < N * N; pair++) {
            for (int p = 0; p < S; p++) {
                int f = pair * S * S + p * S + p;
                int d = pair * S + p;
                assertThat(full.cross()[f]).isCloseTo(diagonal.cross()[d], within(1e-12));
                assertThat(full.ntk()[f]).isCloseTo(diagonal.ntk()[d], within(1e-12));
            }
        }
        for (int i = 0; i < N; i++) {
            for (int p = 0; p < S; p++) {
                assertThat(full.var1(i, p)).isCloseTo(diagonal.var1(i, p), within(1e-12));
                assertThat(full.var2(i, p)).isCloseTo(diagonal.var2(i, p), within(1e-12));
            }
        }
    }

    /** Two states of the same layout agree entry by entry. */
    static void assertSame(KernelState a, KernelState b) {
        assertThat(a.cross()).containsExactly(b.cross(), within(1e-12));
        assertThat(a.ntk()).containsExactly(b.ntk(), within(1e-12));
        assertThat(a.self1()).containsExactly(b.self1(), within(1e-12));
        assertThat(a.self2()).containsExactly(b.self2(), within(1e-12));
    }
}
