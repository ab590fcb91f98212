package org.ntk4j.layers.core.activation;

import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** The error function as an activation, with Williams' closed-form dual. */
public final class Erf implements ActivationFunction {

    private static final ErfDual DUAL = new ErfDual();

    @Override
    public double value(double x) {
        return ErrorFunction.erf(x);
    }

    @Override
    public double derivative(double x) {
        return ErrorFunction.TWO_OVER_SQRT_PI * ErrorFunction.expMinusSquare(x);
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
