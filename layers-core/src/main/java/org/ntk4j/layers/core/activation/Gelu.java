package org.ntk4j.layers.core.activation;

import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** The exact GELU {@code x·Φ(x)} (erf form, not the tanh approximation), with its closed dual. */
public final class Gelu implements ActivationFunction {

    private static final GeluDual DUAL = new GeluDual();

    @Override
    public double value(double x) {
        return x * ErrorFunction.normalCdf(x);
    }

    /** Φ(x) + x·φ(x), φ the standard normal density. */
    @Override
    public double derivative(double x) {
        return ErrorFunction.normalCdf(x) + x * ErrorFunction.normalPdf(x);
    }

    @Override
    public Optional<DualActivation> closedForm() {
        return Optional.of(DUAL);
    }
}
