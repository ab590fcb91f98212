package org.ntk4j.api;

import java.util.Optional;

/** A scalar nonlinearity φ with its derivative, and its closed-form dual when one is known. */
public interface ActivationFunction {

    double value(double x);

    /** φ'(x); for kinks (relu at 0) any subgradient, the set has Gaussian measure zero. */
    double derivative(double x);

    /** The exact dual (Gaussian expectations), when it has a closed form. */
    default Optional<DualActivation> closedForm() {
        return Optional.empty();
    }

    /** True when φ is linear (identity): its output is Gaussian whenever its input is. */
    default boolean isLinear() {
        return false;
    }

    /**
     * True when φ is odd. An odd activation of a zero-mean Gaussian input stays uncorrelated with
     * everything independent of that input's weights, which lets {@code sum} branches stay exact.
     */
    default boolean isOdd() {
        return false;
    }
}
