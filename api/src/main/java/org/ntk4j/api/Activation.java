package org.ntk4j.api;

/** An activation bound to the integrator chosen for it: the function and the dual to use. */
public interface Activation {

    String name();

    ActivationFunction function();

    DualActivation dual();
}
