package org.ntk4j.layers.rnn;

import java.util.SplittableRandom;

/** Standard normal draws (Box–Muller) for parameter initialisation and Monte Carlo sampling. */
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
            double u1 = 1.0 - rng.nextDouble();
            double u2 = rng.nextDouble();
            double r = std * Math.sqrt(-2.0 * Math.log(u1));
            double angle = 2 * Math.PI * u2;
            a[i] = r * Math.cos(angle);
            if (i + 1 < to) {
                a[i + 1] = r * Math.sin(angle);
            }
        }
    }
}
