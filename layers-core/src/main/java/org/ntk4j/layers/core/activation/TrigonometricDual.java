package org.ntk4j.layers.core.activation;

import org.ntk4j.api.DualActivation;

/**
 * The duals of sin and cos. From E[cos(u ± v)] = exp(−(k11 + k22 ± 2k12)/2):
 * <pre>
 *   E[sin u sin v] = e^{−(k11+k22)/2} sinh k12,   E[cos u cos v] = e^{−(k11+k22)/2} cosh k12,
 * </pre>
 * and since sin' = cos, cos' = −sin, the dot of sin is the cosh term and that of cos the sinh
 * term. Both are evaluated as {@code ½ e^{−(k11+k22−2|k12|)/2} (1 ± e^{−2|k12|})}, with expm1
 * for the difference: no overflow of cosh at large k12, no cancellation at small k12, and the
 * exponent k11 + k22 − 2|k12| ≥ (√k11 − √k22)² ≥ 0 after the clamp.
 */
final class TrigonometricDual implements DualActivation {

    private final boolean sine;

    private TrigonometricDual(boolean sine) {
        this.sine = sine;
    }

    static TrigonometricDual ofSine() {
        return new TrigonometricDual(true);
    }

    static TrigonometricDual ofCosine() {
        return new TrigonometricDual(false);
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        for (int i = 0; i < n; i++) {
            double v1 = BivariateCovariance.variance(k11[i]);
            double v2 = BivariateCovariance.variance(k22[i]);
            double c = BivariateCovariance.clampedCross(v1, v2, k12[i],
                    BivariateCovariance.determinant(v1, v2, k12[i]));
            double m = Math.abs(c);
            double half = 0.5 * Math.exp(-0.5 * Math.max(0.0, v1 + v2 - 2.0 * m));
            double hyperbolicCosine = half * (1.0 + Math.exp(-2.0 * m));
            double hyperbolicSine = Math.copySign(-half * Math.expm1(-2.0 * m), c);
            cov[i] = sine ? hyperbolicSine : hyperbolicCosine;
            if (dot != null) {
                dot[i] = sine ? hyperbolicCosine : hyperbolicSine;
            }
        }
    }

    @Override
    public String describe() {
        return "closed";
    }
}
