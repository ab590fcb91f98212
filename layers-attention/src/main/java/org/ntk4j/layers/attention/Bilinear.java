package org.ntk4j.layers.attention;

import java.util.Arrays;

/**
 * {@code out = A · K · Bᵀ} for S×S row-major blocks: how attention moves a covariance between the
 * positions of two inputs. Two passes of S³ multiply-adds, both as row updates
 * ({@code row_p(L) += A_pr · row_r(K)}, then {@code row_p(out) += L_pc · row_c(Bᵀ)}) that the JIT
 * vectorises; B comes transposed so that its rows are contiguous too.
 */
final class Bilinear {

    private final int s;
    private final double[] left;

    /** Scratch for S×S blocks; one instance per thread. */
    Bilinear(int s) {
        this.s = s;
        this.left = new double[s * s];
    }

    /** The transpose of an S×S row-major block. */
    static double[] transpose(double[] b, int s) {
        double[] t = new double[s * s];
        for (int p = 0; p < s; p++) {
            for (int q = 0; q < s; q++) {
                t[q * s + p] = b[p * s + q];
            }
        }
        return t;
    }

    /**
     * Writes {@code A · K · Bᵀ} (K at {@code k[kOff..)}) to {@code out[outOff..)}.
     *
     * @param bT     Bᵀ, row-major
     * @param bLower B is lower triangular (causal weights), so row c of Bᵀ is zero before column c
     */
    void apply(double[] a, double[] k, int kOff, double[] bT, boolean bLower, double[] out, int outOff) {
        Arrays.fill(left, 0.0);
        for (int p = 0; p < s; p++) {
            int lp = p * s;
            for (int r = 0; r < s; r++) {
                double w = a[p * s + r];
                if (w == 0.0) {
                    continue;
                }
                int kr = kOff + r * s;
                for (int c = 0; c < s; c++) {
                    left[lp + c] += w * k[kr + c];
                }
            }
        }
        Arrays.fill(out, outOff, outOff + s * s, 0.0);
        for (int p = 0; p < s; p++) {
            int lp = p * s;
            int op = outOff + p * s;
            for (int c = 0; c < s; c++) {
                double w = left[lp + c];
                int bc = c * s;
                for (int q = bLower ? c : 0; q < s; q++) {
                    out[op + q] += w * bT[bc + q];
                }
            }
        }
    }
}
