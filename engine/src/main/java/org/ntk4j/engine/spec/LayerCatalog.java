package org.ntk4j.engine.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.LayerType;
import org.ntk4j.engine.activation.ActivationLayerType;

/**
 * Every layer type by its JSON name — the plugins' layer types and one wrapper per activation — and
 * every activation by name, each with the jar it came from.
 */
public final class LayerCatalog {
    private final Map<String, LayerType> layers = new LinkedHashMap<>();
    private final Map<String, ActivationType> activations = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    /**
     * @param layerTypes      the plugins' layer types by name
     * @param activationTypes the plugins' activations by name
     * @param sourceOf        the jar each name came from
     */
    public LayerCatalog(Map<String, LayerType> layerTypes, Map<String, ActivationType> activationTypes,
                        Function<String, String> sourceOf) {
        layerTypes.keySet().stream().sorted().forEach(n -> {
            layers.put(n, layerTypes.get(n));
            sources.put(n, sourceOf.apply(n));
        });
        activationTypes.keySet().stream().sorted().forEach(n -> {
            activations.put(n, activationTypes.get(n));
            layers.put(n, new ActivationLayerType(activationTypes.get(n)));
            sources.put(n, sourceOf.apply(n));
        });
    }

    public LayerType layerType(String name) {
        return layers.get(name);
    }

    public ActivationType activationType(String name) {
        return activations.get(name);
    }

    public Set<String> layerNames() {
        return Collections.unmodifiableSet(layers.keySet());
    }

    public Set<String> activationNames() {
        return Collections.unmodifiableSet(activations.keySet());
    }

    /** The jar (or class folder) a type came from. */
    public String source(String name) {
        return sources.get(name);
    }

    public boolean isActivation(String name) {
        return activations.containsKey(name);
    }
}
