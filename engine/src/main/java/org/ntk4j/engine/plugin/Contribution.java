package org.ntk4j.engine.plugin;

/**
 * One named contribution of a plugin (a layer type or an activation) with where it came from, so
 * that errors and {@code ntk4j layers} can name the jar.
 *
 * @param source the jar or class folder the contribution was loaded from
 */
public record Contribution<T>(String name, T value, String source) {
}
