package org.ntk4j.engine.io;

import java.util.Arrays;
import org.ntk4j.api.SpecException;

/** Checks on input data that turn a bad value into an error naming where it is. */
public final class InputChecks {
    private InputChecks() {
    }

    /**
     * Refuses a tensor holding NaN or ±Inf, naming the first such value in row-major order, e.g.
     * {@code x1.npy: value at [12, 3] is NaN}.
     *
     * @param place the file or argument the tensor came from
     * @return {@code tensor}, for chaining
     */
    public static Tensor requireFinite(Tensor tensor, String place) {
        double[] data = tensor.data();
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (!Double.isFinite(v)) {
                String what = Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
                throw new SpecException(place, "value at " + Arrays.toString(tensor.indexOf(i)) + " is " + what
                        + "; inputs must be finite numbers");
            }
        }
        return tensor;
    }
}
