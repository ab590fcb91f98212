package org.ntk4j.layers.attention;

/**
 * The attention weights {@code A = softmax_q(ℓ)} over the keys each query may see, shared by the
 * infinite-width rule (where {@code ℓ} is a deterministic kernel) and the finite twin (where it is
 * computed from the queries/keys). The one place the masking rule lives:
 * <ul>
 *   <li>a key at a masked position (padding of a shorter sequence) gets weight 0;</li>
 *   <li>with {@code causal}, a query at position p sees keys q ≤ p only (row-major order);</li>
 *   <li>a query whose visible key set is empty (causal with leading padding) gets an all-zero row,
 *       so its output is the bias alone;</li>
 *   <li>queries at masked positions are computed like any other (over the present keys), so their
 *       outputs stay finite; layers after attention skip them.</li>
 * </ul>
 */
final class AttentionWeights {

    private AttentionWeights() {
    }

    /** True when query p may attend to key q. */
    static boolean visible(int p, int q, boolean[] mask, boolean causal) {
        return (mask == null || mask[q]) && (!causal || q <= p);
    }

    /**
     * Replaces the S×S row-major logits in {@code l[off..off+S²)} by the weights, in place; each row
     * sums to 1 over its visible keys (max-subtracted, so large logits do not overflow).
     */
    static void softmaxRows(double[] l, int off, int s, boolean[] mask, boolean causal) {
        for (int p = 0; p < s; p++) {
            int row = off + p * s;
            double max = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < s; q++) {
                if (visible(p, q, mask, causal)) {
                    max = Math.max(max, l[row + q]);
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                java.util.Arrays.fill(l, row, row + s, 0.0);
                continue;
            }
            double sum = 0;
            for (int q = 0; q < s; q++) {
                double w = visible(p, q, mask, causal) ? Math.exp(l[row + q] - max) : 0.0;
                l[row + q] = w;
                sum += w;
            }
            double inv = 1.0 / sum;
            for (int q = 0; q < s; q++) {
                l[row + q] *= inv;
            }
        }
    }

    /**
     * The infinite-width weights of one input: logits {@code qkStd² · (K_self + posCov)} where
     * {@code K_self} is the input's own S×S covariance at {@code self[off..)} and {@code posCov}
     * (already scaled by posStd², or null) the positional embeddings' covariance.
     */
    static double[] limit(double[] self, int off, int s, double qk2, double[] posCov, boolean[] mask, boolean causal) {
        double[] a = new double[s * s];
        for (int k = 0; k < a.length; k++) {
            a[k] = qk2 * (self[off + k] + (posCov == null ? 0.0 : posCov[k]));
        }
        softmaxRows(a, 0, s, mask, causal);
        return a;
    }
}
