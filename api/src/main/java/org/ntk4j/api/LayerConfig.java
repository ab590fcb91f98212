package org.ntk4j.api;

import java.util.List;

/**
 * A layer's validated parameters (defaults filled in), as given to {@link LayerType#create}.
 * Getters throw {@link IllegalArgumentException} for names the layer did not declare: that is a
 * bug in the plugin, not a user error.
 */
public interface LayerConfig {

    /** Where this layer sits in the spec, e.g. {@code layers[2]}; used in error messages. */
    String path();

    /** True when the user gave the parameter explicitly. */
    boolean isSet(String name);

    double getDouble(String name);

    int getInt(String name);

    boolean getBoolean(String name);

    String getString(String name);

    /** An int list parameter, or {@code null} for an optional one that was not given. */
    int[] getIntList(String name);

    /** The built layers of a {@link ParamSpec.Kind#LAYERS} parameter. */
    List<Layer> getLayers(String name);

    /** The built branches of a {@link ParamSpec.Kind#BRANCHES} parameter. */
    List<List<Layer>> getBranches(String name);

    /** The activation named by an {@link ParamSpec.Kind#ACTIVATION} parameter. */
    Activation getActivation(String name);
}
