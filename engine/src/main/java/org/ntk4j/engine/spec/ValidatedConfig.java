package org.ntk4j.engine.spec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntk4j.api.Activation;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;

/** A layer's parameters after validation, defaults filled in. */
public final class ValidatedConfig implements LayerConfig {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> given;

    ValidatedConfig(String path, Map<String, Object> values, Set<String> given) {
        this.path = path;
        this.values = values;
        this.given = given;
    }

    /**
     * Every parameter at its default: how an activation named inside another layer (rnn's
     * {@code "activation": "tanh"}) is built. A parameter without a default cannot be read.
     */
    public static ValidatedConfig defaults(String path, java.util.List<org.ntk4j.api.ParamSpec> specs) {
        Map<String, Object> values = new java.util.HashMap<>();
        specs.forEach(p -> values.put(p.name(), p.defaultValue()));
        return new ValidatedConfig(path, values, Set.of());
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

    /** A value that must be present (numbers, booleans): absent only for a required one read from defaults. */
    private Object present(String name) {
        Object v = get(name);
        if (v == null) {
            throw new org.ntk4j.api.SpecException(path + "." + name, "has no default; give it explicitly");
        }
        return v;
    }

    @Override
    public double getDouble(String name) {
        return ((Number) present(name)).doubleValue();
    }

    @Override
    public int getInt(String name) {
        return ((Number) present(name)).intValue();
    }

    @Override
    public boolean getBoolean(String name) {
        return (Boolean) present(name);
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
