package org.ntk4j.api;

/** How weights are scaled: see "Parameterization" in the architecture spec. */
public enum Parameterization {
    /** Weights and biases N(0, 1); the standard deviations are multipliers. */
    NTK,
    /** Weights N(0, wStd²/fanIn), biases N(0, bStd²); the NTK depends on finite widths. */
    STANDARD;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
