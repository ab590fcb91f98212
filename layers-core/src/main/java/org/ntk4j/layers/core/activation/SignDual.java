package org.ntk4j.layers.core.activation;

import org.ntk4j.api.DualActivation;

/**
 * The dual of sign (Sheppard's formula): {@code cov = (2/π) asin ρ = (2/π) atan2(k12, √det)}.
 * {@code dot = 0}: sign' vanishes almost everywhere, and the finite network's backward pass
 * through sign is 0 as well, so 0 is the kernel that the finite-width NTK converges to (the
 * Dirac mass at the jump never enters a gradient). With a zero variance the unit is 0 for sure
 * (sign(0) = 0), and atan2(0, 0) = 0 gives cov = 0 accordingly.
 */
final class SignDual implements DualActivation {

    private static final double TWO_OVER_PI = 2.0 / Math.PI;

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        for (int i = 0; i < n; i++) {
            double v1 = BivariateCovariance.variance(k11[i]);
            double v2 = BivariateCovariance.variance(k22[i]);
            double det = BivariateCovariance.determinant(v1, v2, k12[i]);
            double c = BivariateCovariance.clampedCross(v1, v2, k12[i], det);
            cov[i] = TWO_OVER_PI * Math.atan2(c, BivariateCovariance.rootDeterminant(det));
            if (dot != null) {
                dot[i] = 0.0;
            }
        }
    }

    @Override
    public String describe() {
        return "closed";
    }
}
