package org.ntk4j.api.finite;

/** Receives parameter gradients from {@link FiniteLayer#backward}, one array per parameter. */
@FunctionalInterface
public interface Gradients {

    /** The gradient of one parameter array; the receiver may keep the array. */
    void add(double[] gradient);

    /** A sink that drops everything (when only input cotangents are wanted). */
    Gradients IGNORE = g -> { };
}
