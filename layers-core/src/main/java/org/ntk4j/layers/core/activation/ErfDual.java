package org.ntk4j.layers.core.activation;

import org.ntk4j.api.DualActivation;

/**
 * The dual of erf (Williams 1997): with {@code det = (1 + 2k11)(1 + 2k22) − 4k12²
 * = 1 + 2k11 + 2k22 + 4(k11 k22 − k12²)},
 * <ul>
 *   <li>{@code cov = (2/π) asin(2k12 / √((1 + 2k11)(1 + 2k22))) = (2/π) atan2(2k12, √det)};</li>
 *   <li>{@code dot = (4/π) E[e^{−u²−v²}] = (4/π) / √det}.</li>
 * </ul>
 * The atan2 form needs no asin near ±1 and det ≥ 1, so both are finite for any variances.
 */
final class ErfDual implements DualActivation {

    private static final double TWO_OVER_PI = 2.0 / Math.PI;
    private static final double FOUR_OVER_PI = 4.0 / Math.PI;

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        for (int i = 0; i < n; i++) {
            double v1 = BivariateCovariance.variance(k11[i]);
            double v2 = BivariateCovariance.variance(k22[i]);
            double residual = BivariateCovariance.determinant(v1, v2, k12[i]);
            double c = BivariateCovariance.clampedCross(v1, v2, k12[i], residual);
            double det = 1.0 + 2.0 * (v1 + v2) + 4.0 * Math.max(residual, 0.0);
            double rootDet = Math.sqrt(det);
            cov[i] = TWO_OVER_PI * Math.atan2(2.0 * c, rootDet);
            if (dot != null) {
                dot[i] = FOUR_OVER_PI / rootDet;
            }
        }
    }

    @Override
    public String describe() {
        return "closed";
    }
}
