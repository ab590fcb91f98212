package org.ntk4j.api;

/** What the engine offers a layer while it is built. */
public interface BuildContext {

    Parameterization parameterization();

    /** The numeric core in use (scalar or SIMD). */
    NumericCore numeric();

    /** An activation by name with its default integrator (closed form, else quadrature). */
    Activation activation(String name);
}
