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

    /** A short name for summaries and logs, e.g. "closed", "quadrature(auto)". */
    String describe();
}
