package org.ntk4j.layers.core.activation;

import org.ntk4j.api.ActivationFunction;

/** The logistic function 1/(1 + e^{−x}); no closed-form dual. */
public final class Sigmoid implements ActivationFunction {

    @Override
    public double value(double x) {
        return logistic(x);
    }

    @Override
    public double derivative(double x) {
        return logisticSlope(x);
    }

    /**
     * σ(x) with only e^{−|x|} ever computed (≤ 1): no overflow at x = −800, and the lower tail
     * e^{x}/(1 + e^{x}) keeps its relative accuracy.
     */
    static double logistic(double x) {
        double t = Math.exp(-Math.abs(x));
        return x >= 0.0 ? 1.0 / (1.0 + t) : t / (1.0 + t);
    }

    /** σ'(x) = σ(x)σ(−x) = t/(1 + t)², t = e^{−|x|}: no 1 − σ cancellation in the upper tail. */
    static double logisticSlope(double x) {
        double t = Math.exp(-Math.abs(x));
        double onePlus = 1.0 + t;
        return t / (onePlus * onePlus);
    }
}
