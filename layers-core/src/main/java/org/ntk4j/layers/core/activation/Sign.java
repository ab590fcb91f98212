package org.ntk4j.layers.core.activation;

import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * sign(x) ∈ {−1, 0, 1}. Its derivative is 0 wherever it exists (almost everywhere), which is
 * also what backpropagation through a finite network's sign gives; so the NTK contribution
 * through it is 0.
 */
public final class Sign implements ActivationFunction {

    private static final SignDual DUAL = new SignDual();

    @Override
    public double value(double x) {
        return Math.signum(x);
    }

    @Override
    public double derivative(double x) {
        return 0.0;
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
