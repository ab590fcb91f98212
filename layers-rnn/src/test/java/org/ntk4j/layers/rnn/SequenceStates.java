package org.ntk4j.layers.rnn;

import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.engine.compute.Inputs;

/** Test inputs: sequences as {@link Inputs}, and by hand as the FULL kernel state the engine would build. */
final class SequenceStates {

    private SequenceStates() {
    }

    /** {@code x[i][t][c]} as engine inputs (mask may be null). */
    static Inputs inputs(double[][][] x, boolean[][] mask) {
        int n = x.length;
        int steps = x[0].length;
        int d = x[0][0].length;
        double[] flat = new double[n * steps * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(x[i][t], 0, flat, (i * steps + t) * d, d);
            }
        }
        return new Inputs("test", new int[]{n, steps, d}, flat, mask);
    }

    static double inner(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            s += a[c] * b[c];
        }
        return s / a.length;
    }

    /**
     * x1 against x2 with all pairs of steps; when {@code withNtk}, the input NTK is set to
     * {@code ntkScale · K^x} (as if a parameterised layer had come before) so that it flows through.
     */
    static KernelState state(double[][][] x1, boolean[][] m1, double[][][] x2, boolean[][] m2, boolean withNtk,
                             double ntkScale) {
        int steps = x1[0].length;
        int d = x1[0][0].length;
        KernelState s = KernelState.create(x1.length, x2.length, new int[]{steps}, Positions.FULL, d, withNtk, m1, m2);
        int e = steps * steps;
        for (int i = 0; i < x1.length; i++) {
            for (int j = 0; j < x2.length; j++) {
                for (int p = 0; p < steps; p++) {
                    for (int q = 0; q < steps; q++) {
                        int at = (i * x2.length + j) * e + p * steps + q;
                        s.cross()[at] = inner(x1[i][p], x2[j][q]);
                        if (withNtk) {
                            s.ntk()[at] = ntkScale * s.cross()[at];
                        }
                    }
                }
            }
        }
        fillSelf(s.self1(), x1, steps, e);
        fillSelf(s.self2(), x2, steps, e);
        return s;
    }

    private static void fillSelf(double[] self, double[][][] x, int steps, int e) {
        for (int i = 0; i < x.length; i++) {
            for (int p = 0; p < steps; p++) {
                for (int q = 0; q < steps; q++) {
                    self[i * e + p * steps + q] = inner(x[i][p], x[i][q]);
                }
            }
        }
    }

    /** Deterministic pseudo-random sequences {@code n × steps × d}. */
    static double[][][] random(int n, int steps, int d, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[][][] x = new double[n][steps][d];
        for (double[][] seq : x) {
            for (double[] v : seq) {
                for (int c = 0; c < d; c++) {
                    v[c] = r.nextDouble(-1.5, 1.5);
                }
            }
        }
        return x;
    }
}
