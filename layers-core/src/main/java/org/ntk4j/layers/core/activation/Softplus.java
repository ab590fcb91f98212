package org.ntk4j.layers.core.activation;

import org.ntk4j.api.ActivationFunction;

/** log(1 + e^x); no closed-form dual. */
public final class Softplus implements ActivationFunction {

    /** max(x, 0) + log1p(e^{−|x|}): no overflow for large x, full accuracy for very negative x. */
    @Override
    public double value(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double derivative(double x) {
        return Sigmoid.logistic(x);
    }
}
