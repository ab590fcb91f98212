package org.ntk4j.layers.core.activation;

import org.ntk4j.api.DualActivation;

/**
 * The closed-form dual of GELU {@code φ(x) = x Φ(x)}. With {@code P = (1 + k11)(1 + k22)},
 * {@code Δ = P − k12² = 1 + k11 + k22 + (k11 k22 − k12²)} and
 * {@code α = asin(k12/√P) = atan2(k12, √Δ)}:
 * <pre>
 *   cov = k12/4 + k12 α/(2π) + (k11 k22 Δ + k12²) / (2π P √Δ)
 *   dot = 1/4 + α/(2π) + k12 (1/(1 + k11) + 1/(1 + k22)) / (2π √Δ) + k12 / (2π Δ^{3/2})
 * </pre>
 * Derivation (checked against mpmath 2-D quadrature, see the tests): Stein's lemma gives
 * {@code E[uvΦ(u)Φ(v)] = k11 E[v n(u) Φ(v)] + k12 (E[Φ(u)Φ(v)] + E[v Φ(u) n(v)])}, n the normal
 * density. E[Φ(u)Φ(v)] is the orthant probability 1/4 + α/(2π); a factor n(u) tilts the Gaussian
 * (its precision gains 1 in u), which reduces E[v n(u) Φ(v)] and E[v Φ(u) n(v)] to one-dimensional
 * Stein identities; E[u n(u) v n(v)] = k12/(2π Δ^{3/2}) is the tilted second moment. Δ ≥ 1, so
 * everything is finite for any variances, including zero (cov = 0, dot = φ'(0)² = 1/4).
 */
final class GeluDual implements DualActivation {

    private static final double TWO_PI = 2.0 * Math.PI;

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        for (int i = 0; i < n; i++) {
            double v1 = BivariateCovariance.variance(k11[i]);
            double v2 = BivariateCovariance.variance(k22[i]);
            double residual = BivariateCovariance.determinant(v1, v2, k12[i]);
            double c = BivariateCovariance.clampedCross(v1, v2, k12[i], residual);
            double p1 = 1.0 + v1;
            double p2 = 1.0 + v2;
            double delta = 1.0 + v1 + v2 + Math.max(residual, 0.0);
            double rootDelta = Math.sqrt(delta);
            double alpha = Math.atan2(c, rootDelta);
            cov[i] = 0.25 * c + c * alpha / TWO_PI
                    + (v1 * v2 * delta + c * c) / (TWO_PI * p1 * p2 * rootDelta);
            if (dot != null) {
                dot[i] = 0.25 + alpha / TWO_PI
                        + c * (1.0 / p1 + 1.0 / p2) / (TWO_PI * rootDelta)
                        + c / (TWO_PI * delta * rootDelta);
            }
        }
    }

    @Override
    public String describe() {
        return "closed";
    }
}
