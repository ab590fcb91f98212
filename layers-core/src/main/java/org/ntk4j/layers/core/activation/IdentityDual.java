package org.ntk4j.layers.core.activation;

import org.ntk4j.api.DualActivation;

/** The dual of the identity: cov = k12 (correlation clamped like every dual), dot = 1. */
final class IdentityDual implements DualActivation {

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        for (int i = 0; i < n; i++) {
            double v1 = BivariateCovariance.variance(k11[i]);
            double v2 = BivariateCovariance.variance(k22[i]);
            cov[i] = BivariateCovariance.clampedCross(v1, v2, k12[i],
                    BivariateCovariance.determinant(v1, v2, k12[i]));
            if (dot != null) {
                dot[i] = 1.0;
            }
        }
    }

    @Override
    public String describe() {
        return "closed";
    }
}
