package org.ntk4j.layers.rnn;

import java.util.SplittableRandom;

/**
 * Standard normal draws for parameter initialisation and Monte Carlo sampling: Marsaglia's polar
 * method (one log and one square root per pair, no trigonometry), since filling n² recurrent
 * weights dominates the cost of a wide finite twin.
 */
final class Normals {

    private Normals() {
    }

    /** Fills {@code a} with N(0, std²) draws. */
    static void fill(double[] a, double std, SplittableRandom rng) {
        fill(a, 0, a.length, std, rng);
    }

    /** Fills {@code a[from, to)} with N(0, std²) draws. */
    static void fill(double[] a, int from, int to, double std, SplittableRandom rng) {
        for (int i = from; i < to; i += 2) {
            double u;
            double v;
            double s;
            do {
                u = 2 * rng.nextDouble() - 1;
                v = 2 * rng.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = std * Math.sqrt(-2 * Math.log(s) / s);
            a[i] = u * f;
            if (i + 1 < to) {
                a[i + 1] = v * f;
            }
        }
    }
}
