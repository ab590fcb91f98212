package org.ntk4j.layers.core.activation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.ActivationType;

/** Every core activation built through its ActivationType, as the engine would. */
final class Activations {

    /** Numbers for the parameters without a default (and a non-default one for elu). */
    static final Map<String, Map<String, Double>> PARAMETERS = Map.of(
            "abRelu", Map.of("a", -0.4, "b", 1.3),
            "elu", Map.of("alpha", 1.7));

    private Activations() {
    }

    static ActivationFunction create(ActivationType type) {
        return type.create(new StubLayerConfig(type.params(), PARAMETERS.getOrDefault(type.name(), Map.of())));
    }

    /** name → function, in the spec's order. */
    static Map<String, ActivationFunction> all() {
        Map<String, ActivationFunction> functions = new LinkedHashMap<>();
        for (ActivationType type : CoreActivations.all()) {
            functions.put(type.name(), create(type));
        }
        return functions;
    }
}
