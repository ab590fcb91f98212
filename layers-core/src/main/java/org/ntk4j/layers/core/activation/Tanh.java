package org.ntk4j.layers.core.activation;

import org.ntk4j.api.ActivationFunction;

/** tanh x; no closed-form dual (the engine integrates it numerically). */
public final class Tanh implements ActivationFunction {

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    /**
     * sech² x written as 4t/(1 + t)² with t = e^{−2|x|}: keeps its relative accuracy in the
     * tails, where 1 − tanh² would round to 0 long before sech² underflows.
     */
    @Override
    public double derivative(double x) {
        double t = Math.exp(-2.0 * Math.abs(x));
        double onePlus = 1.0 + t;
        return 4.0 * t / (onePlus * onePlus);
    }

    @Override
    public boolean isOdd() {
        return true;
    }
}
