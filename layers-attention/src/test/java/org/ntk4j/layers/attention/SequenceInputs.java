package org.ntk4j.layers.attention;

import java.util.SplittableRandom;
import org.ntk4j.engine.compute.Inputs;

/** Reproducible random sequences for the tests. */
final class SequenceInputs {

    private SequenceInputs() {
    }

    /** N sequences of T steps × d channels, entries N(0, 1), with optional presence masks. */
    static Inputs random(int count, int steps, int channels, long seed, boolean[][] mask) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[count * steps * channels];
        for (int k = 0; k < data.length; k++) {
            data[k] = rng.nextGaussian();
        }
        return new Inputs("test-sequences", new int[]{count, steps, channels}, data, mask);
    }

    /** Masks for sequences of the given lengths, padded at the end to {@code steps}. */
    static boolean[][] lengths(int steps, int... lengths) {
        boolean[][] m = new boolean[lengths.length][steps];
        for (int i = 0; i < lengths.length; i++) {
            for (int t = 0; t < lengths[i]; t++) {
                m[i][t] = true;
            }
        }
        return m;
    }
}
