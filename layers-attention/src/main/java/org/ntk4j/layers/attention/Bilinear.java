package org.ntk4j.layers.attention;

/**
 * {@code out = A · K · Bᵀ} for S×S row-major blocks: how attention moves a covariance between the
 * positions of two inputs. Two passes of S³ multiply-adds, both walking rows contiguously
 * ({@code L = A K} as row updates that skip zero weights, then {@code out[p][q] = <L_p, B_q>}).
 */
final class Bilinear {

    private final int s;
    private final double[] left;

    /** Scratch for S×S blocks; one instance per thread. */
    Bilinear(int s) {
        this.s = s;
        this.left = new double[s * s];
    }

    /**
     * Writes {@code A · K · Bᵀ} (K at {@code k[kOff..)}) to {@code out[outOff..)}.
     *
     * @param bLower B is lower triangular (causal weights): row q of B ends at column q
     */
    void apply(double[] a, double[] k, int kOff, double[] b, boolean bLower, double[] out, int outOff) {
        java.util.Arrays.fill(left, 0.0);
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
        for (int p = 0; p < s; p++) {
            int lp = p * s;
            for (int q = 0; q < s; q++) {
                int bq = q * s;
                int end = bLower ? q + 1 : s;
                double acc = 0;
                for (int c = 0; c < end; c++) {
                    acc += left[lp + c] * b[bq + c];
                }
                out[outOff + p * s + q] = acc;
            }
        }
    }
}
