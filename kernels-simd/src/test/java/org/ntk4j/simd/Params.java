package org.ntk4j.simd;

import java.util.List;
import java.util.Map;
import org.ntk4j.api.Activation;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;

/** An activation's validated numeric parameters, as the engine would pass them. */
record Params(Map<String, Double> values) implements LayerConfig {

    @Override
    public String path() {
        return "layers[0]";
    }

    @Override
    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    @Override
    public double getDouble(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("undeclared parameter " + name);
        }
        return v;
    }

    @Override
    public int getInt(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public boolean getBoolean(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public String getString(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public int[] getIntList(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public List<Layer> getLayers(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public List<List<Layer>> getBranches(String name) {
        throw new IllegalArgumentException(name);
    }

    @Override
    public Activation getActivation(String name) {
        throw new IllegalArgumentException(name);
    }
}
