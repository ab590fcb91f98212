package org.ntk4j.layers.core.activation;

import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** φ(x) = x; its dual passes the covariance through (cov = k12, dot = 1). */
public final class Identity implements ActivationFunction {

    private static final IdentityDual DUAL = new IdentityDual();

    @Override
    public double value(double x) {
        return x;
    }

    @Override
    public double derivative(double x) {
        return 1.0;
    }

    @Override
    public Optional<DualActivation> closedForm() {
        return Optional.of(DUAL);
    }

    @Override
    public boolean isLinear() {
        return true;
    }

    @Override
    public boolean isOdd() {
        return true;
    }
}
