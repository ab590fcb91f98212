package org.ntk4j.engine.activation;

import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** An activation function with the dual chosen for it. */
public record BoundActivation(String name, ActivationFunction function, DualActivation dual) implements Activation {
}
