package org.ntk4j.layers.core;

import org.ntk4j.api.KernelState;

/** Entry-wise arithmetic on kernel states of the same layout (the combinators' rules). */
final class KernelStates {

    private KernelStates() {
    }

    /** {@code target = a · target + b · source} on NNGP, self covariances and NTK. */
    static void combine(KernelState target, double a, KernelState source, double b) {
        combine(target.cross(), a, source.cross(), b);
        combine(target.self1(), a, source.self1(), b);
        combine(target.self2(), a, source.self2(), b);
        if (target.hasNtk()) {
            combine(target.ntk(), a, source.ntk(), b);
        }
    }

    /** Multiplies NNGP, self covariances and NTK by {@code a}. */
    static void scale(KernelState s, double a) {
        combine(s, a, s, 0.0);
    }

    private static void combine(double[] t, double a, double[] s, double b) {
        if (t.length != s.length) {
            throw new IllegalStateException("kernel states of different layouts: " + t.length + " vs " + s.length);
        }
        for (int k = 0; k < t.length; k++) {
            t[k] = a * t[k] + b * s[k];
        }
    }

    /** The two positions {@code (p, q)} an entry offset stands for, packed as {@code p * S + q}. */
    static int pairOf(KernelState s, int offset) {
        int size = s.positions();
        return switch (s.mode()) {
            case NONE -> 0;
            case DIAGONAL -> offset * size + offset;
            case FULL -> offset;
        };
    }
}
