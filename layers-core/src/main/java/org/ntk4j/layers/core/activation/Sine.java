package org.ntk4j.layers.core.activation;

import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** sin x, with its closed-form dual. */
public final class Sine implements ActivationFunction {

    private static final TrigonometricDual DUAL = TrigonometricDual.ofSine();

    @Override
    public double value(double x) {
        return Math.sin(x);
    }

    @Override
    public double derivative(double x) {
        return Math.cos(x);
    }

    @Override
    public Optional<DualActivation> closedForm() {
        return Optional.of(DUAL);
    }

    @Override
    public boolean isOdd() {
        return true;
    }
}
