package org.ntk4j.api;

/**
 * The dual of an activation φ: for jointly Gaussian (u, v) with covariance
 * {@code [[k11, k12], [k12, k22]]}, {@code cov = E[φ(u) φ(v)]} and {@code dot = E[φ'(u) φ'(v)]}.
 * Batched over arrays so that SIMD and tabulated implementations can sit behind it.
 */
public interface DualActivation {

    /**
     * For {@code i < n}: {@code cov[i] = E[φ(u)φ(v)]} and, when {@code dot != null},
     * {@code dot[i] = E[φ'(u)φ'(v)]}. Implementations clamp the correlation to [−1, 1] and must be
     * finite at k12² = k11·k22 (x = x') and at zero variance. Output arrays may alias no input.
     */
    void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot);

    /**
     * The kernel's hot path, in place, for a run of entries that share the first unit's variance (a
     * row of the cross covariance): for {@code k < n}, {@code cov[from + k]} holds k12 on entry and
     * {@code E[φ(u)φ(v)]} on return, with variances {@code k11} and {@code k22[k22From + k]}; when
     * {@code ntk != null}, {@code ntk[from + k]} is multiplied by {@code E[φ'(u)φ'(v)]}. Same values
     * as {@link #compute}; implementations that can (the SIMD core) skip the copies into batches.
     */
    default void applyRun(double k11, double[] k22, int k22From, double[] cov, int from, int n, double[] ntk) {
        int chunk = Math.min(n, RUN_CHUNK);
        double[] a = new double[chunk];
        double[] b = new double[chunk];
        double[] c = new double[chunk];
        double[] outCov = new double[chunk];
        double[] outDot = ntk == null ? null : new double[chunk];
        java.util.Arrays.fill(a, k11);
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            System.arraycopy(k22, k22From + start, b, 0, m);
            System.arraycopy(cov, from + start, c, 0, m);
            compute(a, b, c, m, outCov, outDot);
            System.arraycopy(outCov, 0, cov, from + start, m);
            if (ntk != null) {
                for (int k = 0; k < m; k++) {
                    ntk[from + start + k] *= outDot[k];
                }
            }
        }
    }

    /** Entries the default {@link #applyRun} hands to {@link #compute} at once. */
    int RUN_CHUNK = 2048;

    /** A short name for summaries and logs, e.g. "closed", "quadrature(auto)". */
    String describe();
}
