package org.ntk4j.layers.core.activation;

import org.ntk4j.api.ActivationFunction;

/** SiLU (swish) x·σ(x); no closed-form dual. */
public final class Silu implements ActivationFunction {

    @Override
    public double value(double x) {
        return x * Sigmoid.logistic(x);
    }

    /** σ(x) + x·σ(x)σ(−x), each factor from e^{−|x|} only. */
    @Override
    public double derivative(double x) {
        return Sigmoid.logistic(x) + x * Sigmoid.logisticSlope(x);
    }
}
