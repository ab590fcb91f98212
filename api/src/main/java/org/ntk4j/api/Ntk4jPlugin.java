package org.ntk4j.api;

import java.util.List;

/**
 * The one root interface of a plugin jar, found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/org.ntk4j.api.Ntk4jPlugin}. Every method has a
 * default returning nothing, so a plugin overrides only what it contributes. The engine fails
 * fast when two plugins contribute the same type name, naming both jars.
 */
public interface Ntk4jPlugin {

    /** Version of this SPI. Bumped on incompatible change; the engine refuses other versions. */
    int SPI_VERSION = 1;

    /** The SPI version this plugin was compiled against (the constant is inlined at compile time). */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /** Layer types this plugin contributes (their {@link LayerType#name()} is the JSON {@code type}). */
    default List<LayerType> layerTypes() {
        return List.of();
    }

    /** Activations this plugin contributes; each is usable as a layer and by name inside other layers. */
    default List<ActivationType> activationTypes() {
        return List.of();
    }
}
