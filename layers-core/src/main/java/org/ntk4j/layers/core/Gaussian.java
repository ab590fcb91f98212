package org.ntk4j.layers.core;

import java.util.SplittableRandom;

/** Standard normal draws for parameter initialisation (Box–Muller on a SplittableRandom). */
public final class Gaussian {

    private Gaussian() {
    }

    /** Fills {@code a} with N(0, std²) draws. */
    public static void fill(double[] a, double std, SplittableRandom rng) {
        for (int i = 0; i < a.length; i += 2) {
            double u1 = 1.0 - rng.nextDouble();
            double u2 = rng.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            a[i] = std * r * Math.cos(2 * Math.PI * u2);
            if (i + 1 < a.length) {
                a[i + 1] = std * r * Math.sin(2 * Math.PI * u2);
            }
        }
    }
}
