package org.ntk4j.layers.core.activation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ntk4j.api.Activation;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.ParamSpec;

/**
 * A LayerConfig holding numbers only: the declared defaults, overridden by what a test gives.
 * Like the engine's, it throws IllegalArgumentException for names that were not declared.
 */
final class StubLayerConfig implements LayerConfig {

    private final Map<String, Double> numbers = new HashMap<>();
    private final Map<String, Boolean> given = new HashMap<>();

    StubLayerConfig(List<ParamSpec> declared, Map<String, Double> values) {
        for (ParamSpec spec : declared) {
            if (spec.defaultValue() instanceof Double d) {
                numbers.put(spec.name(), d);
            }
            given.put(spec.name(), values.containsKey(spec.name()));
        }
        values.forEach((name, value) -> {
            if (!given.containsKey(name)) {
                throw new IllegalArgumentException("test gives an undeclared parameter " + name);
            }
            numbers.put(name, value);
        });
    }

    @Override
    public String path() {
        return "layers[0]";
    }

    @Override
    public boolean isSet(String name) {
        Boolean set = given.get(name);
        if (set == null) {
            throw undeclared(name);
        }
        return set;
    }

    @Override
    public double getDouble(String name) {
        Double value = numbers.get(name);
        if (value == null) {
            throw undeclared(name);
        }
        return value;
    }

    @Override
    public int getInt(String name) {
        throw undeclared(name);
    }

    @Override
    public boolean getBoolean(String name) {
        throw undeclared(name);
    }

    @Override
    public String getString(String name) {
        throw undeclared(name);
    }

    @Override
    public int[] getIntList(String name) {
        throw undeclared(name);
    }

    @Override
    public List<Layer> getLayers(String name) {
        throw undeclared(name);
    }

    @Override
    public List<List<Layer>> getBranches(String name) {
        throw undeclared(name);
    }

    @Override
    public Activation getActivation(String name) {
        throw undeclared(name);
    }

    private static IllegalArgumentException undeclared(String name) {
        return new IllegalArgumentException("no number parameter " + name + " declared");
    }
}
