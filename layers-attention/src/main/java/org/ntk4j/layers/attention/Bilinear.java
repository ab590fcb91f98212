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
        // Two rows of the result per pass: every row of K (then of Bᵀ) is loaded once for both.
        int p = 0;
        for (; p + 1 < s; p += 2) {
            int l0 = p * s;
            int l1 = l0 + s;
            for (int r = 0; r < s; r++) {
                double w0 = a[l0 + r];
                double w1 = a[l1 + r];
                if (w0 == 0.0 && w1 == 0.0) {
                    continue;
                }
                int kr = kOff + r * s;
                for (int c = 0; c < s; c++) {
                    double v = k[kr + c];
                    left[l0 + c] += w0 * v;
                    left[l1 + c] += w1 * v;
                }
            }
        }
        for (; p < s; p++) {
            int lp = p * s;
            for (int r = 0; r < s; r++) {
                double w = a[lp + r];
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
        p = 0;
        for (; p + 1 < s; p += 2) {
            int l0 = p * s;
            int o0 = outOff + l0;
            int o1 = o0 + s;
            for (int c = 0; c < s; c++) {
                double w0 = left[l0 + c];
                double w1 = left[l0 + s + c];
                int bc = c * s;
                for (int q = bLower ? c : 0; q < s; q++) {
                    double v = bT[bc + q];
                    out[o0 + q] += w0 * v;
                    out[o1 + q] += w1 * v;
                }
            }
        }
        for (; p < s; p++) {
            int lp = p * s;
            int op = outOff + lp;
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
