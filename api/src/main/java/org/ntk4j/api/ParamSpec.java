package org.ntk4j.api;

import java.util.List;

/**
 * One parameter of a layer or activation: its JSON name, kind, default and allowed range. The
 * engine validates specs against these and {@code ntk4j layers} prints them.
 *
 * @param defaultValue the default ({@code Double}, {@code Integer}, {@code Boolean}, {@code String},
 *                     {@code int[]}); {@code null} when the parameter is required
 *                     (or, for {@link #optional}, when absence has a meaning of its own)
 */
public record ParamSpec(String name, Kind kind, Object defaultValue, double min, double max,
                        boolean minExclusive, List<String> choices, boolean optional, String description) {

    /** The JSON kinds a parameter can take. */
    public enum Kind {
        /** A JSON number, read as double. */
        NUMBER,
        /** A JSON integer. */
        INTEGER,
        BOOLEAN,
        /** A string, one of {@link #choices()} when those are given. */
        STRING,
        /** A JSON array of integers (filter shapes, strides). */
        INT_LIST,
        /** A JSON array of layer objects. */
        LAYERS,
        /** A JSON array of arrays of layer objects ({@code []} is the identity). */
        BRANCHES,
        /** The name of an activation, e.g. "tanh". */
        ACTIVATION
    }

    public static ParamSpec number(String name, double def, String description) {
        return new ParamSpec(name, Kind.NUMBER, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                false, List.of(), false, description);
    }

    /** A number the spec must give (no default). */
    public static ParamSpec requiredNumber(String name, String description) {
        return new ParamSpec(name, Kind.NUMBER, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                false, List.of(), false, description);
    }

    public static ParamSpec integer(String name, Integer def, String description) {
        return new ParamSpec(name, Kind.INTEGER, def, Integer.MIN_VALUE, Integer.MAX_VALUE, false, List.of(),
                false, description);
    }

    public static ParamSpec bool(String name, boolean def, String description) {
        return new ParamSpec(name, Kind.BOOLEAN, def, 0, 0, false, List.of(), false, description);
    }

    public static ParamSpec choice(String name, String def, List<String> choices, String description) {
        return new ParamSpec(name, Kind.STRING, def, 0, 0, false, List.copyOf(choices), false, description);
    }

    public static ParamSpec intList(String name, int[] def, String description) {
        return new ParamSpec(name, Kind.INT_LIST, def, 1, Integer.MAX_VALUE, false, List.of(), def == null,
                description);
    }

    public static ParamSpec layers(String name, String description) {
        return new ParamSpec(name, Kind.LAYERS, null, 0, 0, false, List.of(), false, description);
    }

    public static ParamSpec branches(String name, String description) {
        return new ParamSpec(name, Kind.BRANCHES, null, 0, 0, false, List.of(), false, description);
    }

    public static ParamSpec activation(String name, String def, String description) {
        return new ParamSpec(name, Kind.ACTIVATION, def, 0, 0, false, List.of(), false, description);
    }

    /** The same parameter with an inclusive range (numbers, integers, int-list elements). */
    public ParamSpec range(double lo, double hi) {
        return new ParamSpec(name, kind, defaultValue, lo, hi, false, choices, optional, description);
    }

    /** The same parameter with a lower bound that excludes {@code lo}. */
    public ParamSpec above(double lo) {
        return new ParamSpec(name, kind, defaultValue, lo, max, true, choices, optional, description);
    }

    /** The same parameter, allowed to be absent with no default (the layer decides). */
    public ParamSpec asOptional() {
        return new ParamSpec(name, kind, defaultValue, min, max, minExclusive, choices, true, description);
    }

    /** True when the spec must give this parameter. */
    public boolean required() {
        return defaultValue == null && !optional;
    }

    /** The default as JSON-like text for help output. */
    public String defaultText() {
        if (defaultValue == null) {
            return optional ? "(none)" : "(required)";
        }
        if (defaultValue instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        if (defaultValue instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(defaultValue);
    }
}
