package org.ntk4j.layers.core.activation;

import java.util.List;
import java.util.function.Function;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.ParamSpec;

/** An {@link ActivationType} given by its name, description, parameters and a factory. */
record ActivationDefinition(String name, String description, List<ParamSpec> params,
                            Function<LayerConfig, ActivationFunction> factory) implements ActivationType {

    ActivationDefinition {
        params = List.copyOf(params);
    }

    /** An activation without parameters: one shared, stateless function. */
    static ActivationDefinition fixed(String name, String description, ActivationFunction function) {
        return new ActivationDefinition(name, description, List.of(), config -> function);
    }

    @Override
    public ActivationFunction create(LayerConfig config) {
        return factory.apply(config);
    }
}
