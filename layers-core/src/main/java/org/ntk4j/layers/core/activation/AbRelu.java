package org.ntk4j.layers.core.activation;

import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * The piecewise-linear activation {@code a·x} for x &lt; 0, {@code b·x} otherwise: relu (0, 1),
 * leakyRelu (slope, 1), abs (−1, 1) and abRelu itself share it and its arc-cosine dual.
 */
public final class AbRelu implements ActivationFunction {

    private final double a;
    private final double b;
    private final AbReluDual dual;

    public AbRelu(double a, double b) {
        this.a = a;
        this.b = b;
        this.dual = new AbReluDual(a, b);
    }

    public static AbRelu relu() {
        return new AbRelu(0.0, 1.0);
    }

    public static AbRelu leaky(double slope) {
        return new AbRelu(slope, 1.0);
    }

    public static AbRelu abs() {
        return new AbRelu(-1.0, 1.0);
    }

    @Override
    public double value(double x) {
        return x < 0.0 ? a * x : b * x;
    }

    /**
     * The slope on each side; at the kink the mean of both, so that at zero variance the dual
     * (which then sees φ'(0) for sure) agrees with the finite network's backward pass.
     */
    @Override
    public double derivative(double x) {
        if (x < 0.0) {
            return a;
        }
        return x > 0.0 ? b : 0.5 * (a + b);
    }

    @Override
    public Optional<DualActivation> closedForm() {
        return Optional.of(dual);
    }

    /** Odd only in the linear case a = b. */
    @Override
    public boolean isOdd() {
        return a == b;
    }

    @Override
    public boolean isLinear() {
        return a == b;
    }
}
