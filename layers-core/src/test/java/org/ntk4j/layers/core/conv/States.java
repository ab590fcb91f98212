package org.ntk4j.layers.core.conv;

import java.util.SplittableRandom;
import org.ntk4j.api.KernelState;
import org.ntk4j.layers.core.Gaussian;

/** Kernel states of random inputs for layer-level tests: {@code <x_p, y_q> / d} like the engine's input kernel. */
final class States {

    private States() {
    }

    /** Random inputs {@code [n][positions * d]}. */
    static double[][] inputs(int n, int positions, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][positions * d];
        for (double[] row : x) {
            Gaussian.fill(row, 1.0, rng);
        }
        return x;
    }

    /** The state of {@code a} against {@code b} with a random positive NTK-like second kernel. */
    static KernelState of(double[][] a, double[][] b, int[] spatial, int d, KernelState.Positions mode) {
        return of(a, b, spatial, d, mode, false);
    }

    /** As above; with {@code ownDiagonalOnly} (FULL mode) the own covariances keep only variances. */
    static KernelState of(double[][] a, double[][] b, int[] spatial, int d, KernelState.Positions mode,
                          boolean ownDiagonalOnly) {
        int size = 1;
        for (int s : spatial) {
            size *= s;
        }
        KernelState s = KernelState.create(a.length, b.length, spatial, mode, ownDiagonalOnly, d, true, null, null);
        int e = s.entrySize();
        KernelState.Positions own = s.ownDiagonalOnly() ? KernelState.Positions.DIAGONAL : mode;
        int eo = s.ownEntrySize();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                block(a[i], b[j], size, d, mode, s.cross(), (i * b.length + j) * e);
                // A second, different kernel as the incoming NTK: inner products of squared inputs.
                block(square(a[i]), square(b[j]), size, d, mode, s.ntk(), (i * b.length + j) * e);
            }
            block(a[i], a[i], size, d, own, s.self1(), i * eo);
        }
        for (int j = 0; j < b.length; j++) {
            block(b[j], b[j], size, d, own, s.self2(), j * eo);
        }
        return s;
    }

    private static double[] square(double[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = x[k] * x[k];
        }
        return y;
    }

    private static void block(double[] x, double[] y, int size, int d, KernelState.Positions mode, double[] out, int off) {
        for (int p = 0; p < size; p++) {
            for (int q = 0; q < size; q++) {
                if (mode == KernelState.Positions.DIAGONAL && p != q) {
                    continue;
                }
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += x[p * d + c] * y[q * d + c];
                }
                out[off + (mode == KernelState.Positions.FULL ? p * size + q : p)] = s / d;
            }
        }
    }

    /** The same-position entries of a FULL array ({@code entries} blocks of S×S). */
    static double[] diagonal(double[] full, int entries, int size) {
        double[] d = new double[entries * size];
        for (int k = 0; k < entries; k++) {
            for (int p = 0; p < size; p++) {
                d[k * size + p] = full[k * size * size + p * size + p];
            }
        }
        return d;
    }
}
