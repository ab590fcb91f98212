package org.ntk4j.layers.core.activation;

import org.ntk4j.api.ActivationFunction;

/** x for x &gt; 0, α(e^x − 1) otherwise; no closed-form dual. */
public final class Elu implements ActivationFunction {

    private final double alpha;

    public Elu(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public double value(double x) {
        return x > 0.0 ? x : alpha * Math.expm1(x);
    }

    /** 1 for x &gt; 0, α e^x otherwise (the left derivative at the kink 0). */
    @Override
    public double derivative(double x) {
        return x > 0.0 ? 1.0 : alpha * Math.exp(x);
    }
}
