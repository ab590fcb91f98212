package org.ntk4j.api;

import java.util.List;

/**
 * A named coordinatewise nonlinearity. The engine turns each into a layer type of the same name
 * (adding the {@code integrator}, {@code degree}, {@code samples} and {@code seed} parameters) and
 * lets other layers (rnn) ask for it by name.
 */
public interface ActivationType {

    String name();

    String description();

    /** The activation's own parameters (e.g. {@code slope}); the engine adds the integrator ones. */
    List<ParamSpec> params();

    ActivationFunction create(LayerConfig config);
}
