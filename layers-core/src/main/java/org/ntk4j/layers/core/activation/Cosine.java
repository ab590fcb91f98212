package org.ntk4j.layers.core.activation;

import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** cos x, with its closed-form dual. */
public final class Cosine implements ActivationFunction {

    private static final TrigonometricDual DUAL = TrigonometricDual.ofCosine();

    @Override
    public double value(double x) {
        return Math.cos(x);
    }

    @Override
    public double derivative(double x) {
        return -Math.sin(x);
    }

    @Override
    public Optional<DualActivation> closedForm() {
        return Optional.of(DUAL);
    }
}
