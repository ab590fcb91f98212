package org.ntk4j.layers.attention;

import java.util.Arrays;

/**
 * {@code out = A · K · Bᵀ} for S×S row-major blocks: how attention moves a covariance between the
 * positions of two inputs. Two passes of S³ multiply-adds, both of the form
 * {@code Z[p][q] = Σ_c X[p][c] · Y[q][c]} (rows against rows, so no transposes):
 * {@code Mᵀ = B · Kᵀ} (that is {@code Mᵀ[q][r] = <B_q, K_r>}), then {@code out = A · M}
 * ({@code out[p][q] = <A_p, Mᵀ_q>}). Each pass works on 4×4 tiles of Z held in sixteen local
 * accumulators, which keeps the loads per multiply-add low (measured 1.5× the row-update form).
 * Sizes that are not a multiple of 4 are padded with zeros in scratch copies.
 */
final class Bilinear {

    private final int s;
    private final int padded;
    private final double[] mt;
    private final double[] ap;
    private final double[] bp;
    private final double[] kp;
    private final double[] op;

    /** Scratch for S×S blocks; one instance per thread. */
    Bilinear(int s) {
        this.s = s;
        this.padded = (s + 3) / 4 * 4;
        int e = padded * padded;
        this.mt = new double[e];
        boolean pad = padded != s;
        this.ap = pad ? new double[e] : null;
        this.bp = pad ? new double[e] : null;
        this.kp = pad ? new double[e] : null;
        this.op = pad ? new double[e] : null;
    }

    /**
     * Writes {@code A · K · Bᵀ} (K at {@code k[kOff..)}) to {@code out[outOff..)}.
     *
     * @param lower A and B are lower triangular (causal weights): row p is zero after column p
     */
    void apply(double[] a, double[] k, int kOff, double[] b, boolean lower, double[] out, int outOff) {
        if (padded == s) {
            rowsAgainstRows(b, 0, k, kOff, lower, mt, 0);
            rowsAgainstRows(a, 0, mt, 0, lower, out, outOff);
            return;
        }
        copyPadded(a, 0, ap);
        copyPadded(b, 0, bp);
        copyPadded(k, kOff, kp);
        rowsAgainstRows(bp, 0, kp, 0, lower, mt, 0);
        rowsAgainstRows(ap, 0, mt, 0, lower, op, 0);
        for (int p = 0; p < s; p++) {
            System.arraycopy(op, p * padded, out, outOff + p * s, s);
        }
    }

    private void copyPadded(double[] src, int off, double[] dst) {
        Arrays.fill(dst, 0.0);
        for (int p = 0; p < s; p++) {
            System.arraycopy(src, off + p * s, dst, p * padded, s);
        }
    }

    /**
     * {@code z[p][q] = Σ_c x[p][c] · y[q][c]} for padded row-major blocks.
     *
     * @param xLower x is lower triangular, so rows p0..p0+3 end at column p0+3
     */
    private void rowsAgainstRows(double[] x, int xOff, double[] y, int yOff, boolean xLower, double[] z, int zOff) {
        int n = padded;
        for (int p = 0; p < n; p += 4) {
            int x0 = xOff + p * n;
            int x1 = x0 + n;
            int x2 = x1 + n;
            int x3 = x2 + n;
            int end = xLower ? Math.min(n, p + 4) : n;
            for (int q = 0; q < n; q += 4) {
                int y0 = yOff + q * n;
                int y1 = y0 + n;
                int y2 = y1 + n;
                int y3 = y2 + n;
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
                double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
                double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int c = 0; c < end; c++) {
                    double a0 = x[x0 + c];
                    double a1 = x[x1 + c];
                    double a2 = x[x2 + c];
                    double a3 = x[x3 + c];
                    double b0 = y[y0 + c];
                    double b1 = y[y1 + c];
                    double b2 = y[y2 + c];
                    double b3 = y[y3 + c];
                    c00 += a0 * b0;
                    c01 += a0 * b1;
                    c02 += a0 * b2;
                    c03 += a0 * b3;
                    c10 += a1 * b0;
                    c11 += a1 * b1;
                    c12 += a1 * b2;
                    c13 += a1 * b3;
                    c20 += a2 * b0;
                    c21 += a2 * b1;
                    c22 += a2 * b2;
                    c23 += a2 * b3;
                    c30 += a3 * b0;
                    c31 += a3 * b1;
                    c32 += a3 * b2;
                    c33 += a3 * b3;
                }
                int z0 = zOff + p * n + q;
                store(z, z0, c00, c01, c02, c03);
                store(z, z0 + n, c10, c11, c12, c13);
                store(z, z0 + 2 * n, c20, c21, c22, c23);
                store(z, z0 + 3 * n, c30, c31, c32, c33);
            }
        }
    }

    private static void store(double[] z, int off, double v0, double v1, double v2, double v3) {
        z[off] = v0;
        z[off + 1] = v1;
        z[off + 2] = v2;
        z[off + 3] = v3;
    }
}
