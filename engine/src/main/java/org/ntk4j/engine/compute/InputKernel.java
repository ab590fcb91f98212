package org.ntk4j.engine.compute;

import java.util.Arrays;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.engine.linalg.LinearAlgebra;

/**
 * The kernel state of raw inputs: {@code <x_p, x'_q> / d} over the channel axis for every pair of
 * positions kept by the mode, NTK zero (inputs have no parameters).
 */
final class InputKernel {

    private InputKernel() {
    }

    /**
     * Rows {@code [a0, a1)} of {@code a} against rows {@code [b0, b1)} of {@code b}; own covariances
     * keep only variances when {@code ownDiagonalOnly} (FULL mode, see {@link KernelState#ownDiagonalOnly()}).
     */
    static KernelState initial(Inputs a, int a0, int a1, Inputs b, int b0, int b1, Positions mode,
                               boolean ownDiagonalOnly, boolean withNtk, LinearAlgebra la) {
        boolean[][] m1 = a.mask() == null ? null : Arrays.copyOfRange(a.mask(), a0, a1);
        boolean[][] m2 = b.mask() == null ? null : Arrays.copyOfRange(b.mask(), b0, b1);
        KernelState s = KernelState.create(a1 - a0, b1 - b0, a.spatial(), mode, ownDiagonalOnly, a.channels(), withNtk,
                m1, m2);
        if (mode == Positions.NONE && la != null) {
            gram(s, a, a0, a1, b, b0, b1, la);
        } else {
            fill(s, a, a0, b, b0);
        }
        return s;
    }

    /** Vectors: the cross block is one GEMM, {@code X_a X_bᵀ / d}, on the chosen linear algebra back-end. */
    private static void gram(KernelState s, Inputs a, int a0, int a1, Inputs b, int b0, int b1, LinearAlgebra la) {
        int d = a.channels();
        double[] xa = Arrays.copyOfRange(a.data(), a0 * d, a1 * d);
        double[] xb = a == b && a0 == b0 && a1 == b1 ? xa : Arrays.copyOfRange(b.data(), b0 * d, b1 * d);
        la.gemm(false, true, a1 - a0, b1 - b0, d, 1.0 / d, xa, xb, 0.0, s.cross());
        for (int i = 0; i < a1 - a0; i++) {
            s.self1()[i] = dot(xa, i * d, xa, i * d, d) / d;
        }
        for (int j = 0; j < b1 - b0; j++) {
            s.self2()[j] = dot(xb, j * d, xb, j * d, d) / d;
        }
    }

    /** A joint (stacked, square) state for batch-coupled networks. */
    static KernelState joint(Inputs all, Positions mode, boolean withNtk, int[] batchOf) {
        KernelState s = KernelState.createJoint(all.count(), all.spatial(), mode, all.channels(), withNtk,
                all.mask(), batchOf);
        fill(s, all, 0, all, 0);
        return s;
    }

    private static void fill(KernelState s, Inputs a, int a0, Inputs b, int b0) {
        int n1 = s.n1();
        int n2 = s.n2();
        int e = s.entrySize();
        double[] cross = s.cross();
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                block(a, a0 + i, b, b0 + j, s.mode(), cross, (i * n2 + j) * e);
            }
        }
        Positions own = s.ownDiagonalOnly() ? Positions.DIAGONAL : s.mode();
        int eo = s.ownEntrySize();
        for (int i = 0; i < n1; i++) {
            block(a, a0 + i, a, a0 + i, own, s.self1(), i * eo);
        }
        for (int j = 0; j < n2; j++) {
            block(b, b0 + j, b, b0 + j, own, s.self2(), j * eo);
        }
    }

    /** One entry (all kept position pairs) for input i of a and input j of b. */
    private static void block(Inputs a, int i, Inputs b, int j, Positions mode, double[] out, int off) {
        int d = a.channels();
        int size = a.positions();
        double[] x = a.data();
        double[] y = b.data();
        int xi = i * size * d;
        int yj = j * size * d;
        double inv = 1.0 / d;
        switch (mode) {
            case NONE -> out[off] = dot(x, xi, y, yj, d) * inv;
            case DIAGONAL -> {
                for (int p = 0; p < size; p++) {
                    out[off + p] = dot(x, xi + p * d, y, yj + p * d, d) * inv;
                }
            }
            case FULL -> fullBlock(x, xi, y, yj, size, d, out, off);
        }
    }

    /**
     * All pairs of positions, one row at a time: {@code row[q] = Σ_c x_p[c]·y_q[c]} over
     * channel-major copies of y, so that the inner loop runs over zero-offset arrays (which C2
     * vectorises; a dot product per entry costs ~5 ns for the 3 channels of an image). The sum runs
     * over channels in order, so swapping x and y gives the same bits.
     */
    private static void fullBlock(double[] x, int xi, double[] y, int yj, int size, int d, double[] out, int off) {
        double[][] yt = new double[d][size];
        for (int q = 0; q < size; q++) {
            for (int c = 0; c < d; c++) {
                yt[c][q] = y[yj + q * d + c];
            }
        }
        double inv = 1.0 / d;
        double[] row = new double[size];
        for (int p = 0; p < size; p++) {
            java.util.Arrays.fill(row, 0.0);
            for (int c = 0; c < d; c++) {
                double xc = x[xi + p * d + c];
                double[] yc = yt[c];
                for (int q = 0; q < size; q++) {
                    row[q] += xc * yc[q];
                }
            }
            for (int q = 0; q < size; q++) {
                row[q] *= inv;
            }
            System.arraycopy(row, 0, out, off + p * size, size);
        }
    }

    private static double dot(double[] x, int xo, double[] y, int yo, int d) {
        // Four partial sums: independent chains let the JIT pipeline the multiply-adds.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int c = 0;
        for (; c + 3 < d; c += 4) {
            s0 += x[xo + c] * y[yo + c];
            s1 += x[xo + c + 1] * y[yo + c + 1];
            s2 += x[xo + c + 2] * y[yo + c + 2];
            s3 += x[xo + c + 3] * y[yo + c + 3];
        }
        for (; c < d; c++) {
            s0 += x[xo + c] * y[yo + c];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
