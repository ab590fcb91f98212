package org.ntk4j.gp;

import java.util.Locale;
import org.ntk4j.api.SpecException;

/** Which parameters gradient descent trains, and hence which kernel drives the dynamics. */
public enum TrainedKernel {
    /** All layers trained: the dynamics follow the NTK Θ; the initial outputs have covariance K. */
    NTK,
    /** Only the readout trained: the NNGP K plays both roles; at t = ∞ this is the Bayesian posterior. */
    NNGP;

    /** Parses {@code ntk} or {@code nngp} (any case); {@code place} names the argument for the error. */
    public static TrainedKernel parse(String text, String place) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "ntk" -> NTK;
            case "nngp" -> NNGP;
            default -> throw new SpecException(place, "expected ntk or nngp, found '" + text + "'");
        };
    }
}
