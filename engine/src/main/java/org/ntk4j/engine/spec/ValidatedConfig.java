package org.ntk4j.engine.spec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntk4j.api.Activation;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;

/** A layer's parameters after validation, defaults filled in. */
final class ValidatedConfig implements LayerConfig {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> given;

    ValidatedConfig(String path, Map<String, Object> values, Set<String> given) {
        this.path = path;
        this.values = values;
        this.given = given;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean isSet(String name) {
        return given.contains(name);
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " was not declared by the layer at " + path);
        }
        return values.get(name);
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
        int[] v = (int[]) get(name);
        return v == null ? null : v.clone();
    }

    @SuppressWarnings("unchecked")
    @Override
    public List<Layer> getLayers(String name) {
        return (List<Layer>) get(name);
    }

    @SuppressWarnings("unchecked")
    @Override
    public List<List<Layer>> getBranches(String name) {
        return (List<List<Layer>>) get(name);
    }

    @Override
    public Activation getActivation(String name) {
        return (Activation) get(name);
    }
}
