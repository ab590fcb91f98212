package org.ntk4j.layers.attention;

import java.util.Arrays;

/**
 * {@code A · K · Bᵀ} for S×S blocks: how attention moves a covariance between the positions of two
 * inputs. One instance multiplies one or two matrices (the NNGP block and the NTK block of a pair)
 * by the same weights, so each weight row is read once for both.
 *
 * <p>Two passes of S³ multiply-adds each (per matrix), both as row updates
 * {@code z[p][·] += Σ_c x[p][c] · y[c][·]} whose inner loop runs over a whole row:
 * {@code M = A · K} (y = the rows of K and Θ side by side, so that loop is 2S long with the NTK), then
 * {@code out = M · Bᵀ} (y = the rows of {@code Bᵀ}, prepared once per input in {@link Weights}).
 * Every operand row is its own array starting at index 0: HotSpot's C2 (JDK 17) vectorises
 * {@code z[q] += a0·y0[q] + … + a3·y3[q]} only then; with a row offset into one flat array
 * ({@code y[off + q]}) the same loop stays scalar and runs at a third of the speed. Four terms per
 * update keep the loads and stores of z at one per four multiply-adds; more terms stop C2 from
 * vectorising. Multiply and add stay separate: {@code Math.fma} would gain ~15% where the CPU has
 * FMA but falls back to a very slow software emulation where it has not.
 *
 * <p>Causal weights are lower triangular: row p of A ends at column p, and row r of {@code Bᵀ}
 * starts at column r, which halves both passes.
 */
final class Bilinear {

    /** One input's S×S attention weights in the two forms the passes read. */
    static final class Weights {
        private final double[] rows;
        private final double[][] transposedRows;
        private final boolean lower;

        /**
         * @param a     A, row-major S×S (kept, not copied)
         * @param lower A is lower triangular (causal)
         */
        Weights(double[] a, int s, boolean lower) {
            this.rows = a;
            this.lower = lower;
            this.transposedRows = new double[s][s];
            for (int p = 0; p < s; p++) {
                for (int q = 0; q < s; q++) {
                    transposedRows[q][p] = a[p * s + q];
                }
            }
        }

        /** A, row-major. */
        double[] matrix() {
            return rows;
        }
    }

    private final int s;
    private final int count;
    /** Row c holds row c of each loaded matrix, side by side: {@code count · S} long. */
    private final double[][] k;
    /** {@code A · [K_0 | K_1]}, same layout. */
    private final double[][] m;
    /** The results: row {@code w · S + p} is row p of {@code A · K_w · Bᵀ}. */
    private final double[][] out;

    /** Scratch for {@code count} (1 or 2) S×S matrices; one instance per thread. */
    Bilinear(int s, int count) {
        this.s = s;
        this.count = count;
        this.k = new double[s][count * s];
        this.m = new double[s][count * s];
        this.out = new double[count * s][s];
    }

    /** Loads matrix {@code which} (0 ≤ which &lt; count) from the S×S row-major block at {@code src[off..)}. */
    void load(int which, double[] src, int off) {
        for (int c = 0; c < s; c++) {
            System.arraycopy(src, off + c * s, k[c], which * s, s);
        }
    }

    /** Computes {@code A · K_w · Bᵀ} for every loaded matrix; read them with {@link #row}. */
    void multiply(Weights a, Weights b) {
        leftPass(a.rows, a.lower);
        rightPass(b.transposedRows, b.lower);
    }

    /**
     * Sets result {@code which} to {@code L · R} from factors: {@code L} (S × r row-major) and the r
     * rows of {@code R} (see {@link LowRankCross}); r·S² multiply-adds.
     */
    void multiplyFactors(int which, double[] left, double[][] right) {
        int r = right.length;
        for (int p = 0; p < s; p++) {
            double[] z = out[which * s + p];
            Arrays.fill(z, 0.0);
            int lp = p * r;
            int l = 0;
            for (; l + 3 < r; l += 4) {
                addFour(z, 0, left[lp + l], right[l], left[lp + l + 1], right[l + 1], left[lp + l + 2], right[l + 2],
                        left[lp + l + 3], right[l + 3]);
            }
            for (; l < r; l++) {
                addOne(z, 0, left[lp + l], right[l]);
            }
        }
    }

    /** Row p of {@code A · K_which · Bᵀ} (valid until the next {@link #multiply}). */
    double[] row(int which, int p) {
        return out[which * s + p];
    }

    /**
     * Replaces result {@code which} by {@code α · result_which + β · result_other + γ}, in the rows
     * themselves so the loop vectorises (the rescaling that turns {@code A K A'ᵀ} into the layer's output).
     */
    void combine(int which, double alpha, int other, double beta, double gamma) {
        for (int p = 0; p < s; p++) {
            double[] z = out[which * s + p];
            double[] y = out[other * s + p];
            for (int q = 0; q < z.length; q++) {
                z[q] = alpha * z[q] + beta * y[q] + gamma;
            }
        }
    }

    /** Copies result {@code which} to the S×S row-major block at {@code dst[off..)}. */
    void store(int which, double[] dst, int off) {
        for (int p = 0; p < s; p++) {
            System.arraycopy(out[which * s + p], 0, dst, off + p * s, s);
        }
    }

    /** {@code m[p] = Σ_c A[p][c] · k[c]}. */
    private void leftPass(double[] a, boolean lower) {
        for (int p = 0; p < s; p++) {
            double[] z = m[p];
            Arrays.fill(z, 0.0);
            int ap = p * s;
            int end = lower ? p + 1 : s;
            int c = 0;
            for (; c + 3 < end; c += 4) {
                addFour(z, 0, a[ap + c], k[c], a[ap + c + 1], k[c + 1], a[ap + c + 2], k[c + 2], a[ap + c + 3], k[c + 3]);
            }
            for (; c < end; c++) {
                addOne(z, 0, a[ap + c], k[c]);
            }
        }
    }

    /** {@code out[w·S + p] = Σ_r m[p][w·S + r] · Bᵀ[r]}; with causal B, row r of Bᵀ is zero before column r. */
    private void rightPass(double[][] bt, boolean lower) {
        for (int w = 0; w < count; w++) {
            int col = w * s;
            for (int p = 0; p < s; p++) {
                double[] x = m[p];
                double[] z = out[col + p];
                Arrays.fill(z, 0.0);
                int r = 0;
                for (; r + 3 < s; r += 4) {
                    addFour(z, lower ? r : 0, x[col + r], bt[r], x[col + r + 1], bt[r + 1], x[col + r + 2], bt[r + 2],
                            x[col + r + 3], bt[r + 3]);
                }
                for (; r < s; r++) {
                    addOne(z, lower ? r : 0, x[col + r], bt[r]);
                }
            }
        }
    }

    /** {@code z[q] += a0·y0[q] + a1·y1[q] + a2·y2[q] + a3·y3[q]} for q from {@code from} to the end of z. */
    private static void addFour(double[] z, int from, double a0, double[] y0, double a1, double[] y1, double a2,
                                double[] y2, double a3, double[] y3) {
        for (int q = from; q < z.length; q++) {
            z[q] += (a0 * y0[q] + a1 * y1[q]) + (a2 * y2[q] + a3 * y3[q]);
        }
    }

    private static void addOne(double[] z, int from, double a0, double[] y0) {
        for (int q = from; q < z.length; q++) {
            z[q] += a0 * y0[q];
        }
    }
}
