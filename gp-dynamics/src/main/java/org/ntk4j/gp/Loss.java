package org.ntk4j.gp;

import java.util.Locale;
import org.ntk4j.api.SpecException;

/** Normalisation of the squared loss, which sets the clock of gradient flow. */
public enum Loss {
    /** {@code L = ½ Σ ||f(x_i) − y_i||²}: time is used as given. */
    SUM,
    /** {@code L = 1/(2·N·outputs) Σ ||f(x_i) − y_i||²} (Neural Tangents): time runs 1/(N·outputs) as fast. */
    MEAN;

    /** Parses {@code sum} or {@code mean} (any case); {@code place} names the argument for the error. */
    public static Loss parse(String text, String place) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "sum" -> SUM;
            case "mean" -> MEAN;
            default -> throw new SpecException(place, "expected sum or mean, found '" + text + "'");
        };
    }
}
