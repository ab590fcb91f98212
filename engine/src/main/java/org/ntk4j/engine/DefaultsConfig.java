package org.ntk4j.engine;

import java.util.List;
import java.util.Map;
import org.ntk4j.api.Activation;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.SpecException;

/** A configuration of defaults only: how an activation named inside another layer is built. */
final class DefaultsConfig implements LayerConfig {
    private final Map<String, Object> values;

    DefaultsConfig(Map<String, Object> values) {
        this.values = values;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new SpecException("activation", "\"" + name + "\" has no default; use the activation as its own layer to set it");
        }
        return v;
    }

    @Override
    public String path() {
        return "activation";
    }

    @Override
    public boolean isSet(String name) {
        return false;
    }

    @Override
    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    @Override
    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    @Override
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    @Override
    public String getString(String name) {
        return (String) get(name);
    }

    @Override
    public int[] getIntList(String name) {
        return (int[]) values.get(name);
    }

    @Override
    public List<Layer> getLayers(String name) {
        throw new IllegalArgumentException("activations take no layers");
    }

    @Override
    public List<List<Layer>> getBranches(String name) {
        throw new IllegalArgumentException("activations take no branches");
    }

    @Override
    public Activation getActivation(String name) {
        throw new IllegalArgumentException("activations take no activations");
    }
}
