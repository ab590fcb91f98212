package org.ntk4j.layers.core.conv;

import java.util.List;
import java.util.Locale;

/**
 * How a window (filter or pooling window) treats the border of one spatial axis, with the
 * conventions of Neural Tangents / XLA so that results can be compared: SAME and CIRCULAR give
 * {@code ceil(L / s)} outputs and start the window {@code floor(totalPad / 2)} before the input;
 * VALID gives {@code floor((L − f) / s) + 1} outputs and never leaves the input.
 */
public enum Padding {
    /** Zeros outside the input (they count towards the fan-in, as in the finite network). */
    SAME,
    /** Only windows inside the input. */
    VALID,
    /** The input wraps around (a torus). */
    CIRCULAR;

    /** The JSON choices, in order. */
    public static final List<String> CHOICES = List.of("SAME", "VALID", "CIRCULAR");

    public static Padding of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }

    /** Output length along an axis of length {@code in}; 0 when a VALID window does not fit. */
    int outputLength(int in, int window, int stride) {
        if (this == VALID) {
            return in < window ? 0 : (in - window) / stride + 1;
        }
        return (in + stride - 1) / stride;
    }

    /** How far before position 0 the first window starts. */
    int padLow(int in, int window, int stride) {
        if (this == VALID) {
            return 0;
        }
        int out = outputLength(in, window, stride);
        int total = Math.max((out - 1) * stride + window - in, 0);
        return total / 2;
    }
}
