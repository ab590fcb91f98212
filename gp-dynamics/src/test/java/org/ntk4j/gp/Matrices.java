package org.ntk4j.gp;

/** Tiny numeric helpers for the GP tests. */
final class Matrices {
    private Matrices() {
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
