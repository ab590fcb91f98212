package org.ntk4j.layers.rnn;

import org.ntk4j.api.DualActivation;

/**
 * Collects dual evaluations (k11, k22, k12) with the slot each result goes to and hands them to
 * the batched {@link DualActivation} in chunks: recursions produce their entries one by one, the
 * dual (quadrature, SIMD) wants arrays. Each result writes {@code E[φφ]} to the NNGP slot and
 * {@code E[φ'φ'] × pre} to the NTK slot, where {@code pre} is the pre-activation NTK of the entry.
 */
final class DualQueue {
    private static final int CHUNK = 2048;

    private final DualActivation dual;
    private final boolean withNtk;
    private final double[] k11 = new double[CHUNK];
    private final double[] k22 = new double[CHUNK];
    private final double[] k12 = new double[CHUNK];
    private final double[] pre = new double[CHUNK];
    private final int[] slot = new int[CHUNK];
    private final double[] cov = new double[CHUNK];
    private final double[] dot;
    private double[] outK;
    private double[] outT;
    private int n;

    DualQueue(DualActivation dual, boolean withNtk) {
        this.dual = dual;
        this.withNtk = withNtk;
        this.dot = withNtk ? new double[CHUNK] : null;
    }

    /** Where results go from now on ({@code outT} may be null for NNGP-only entries). */
    void target(double[] outK, double[] outT) {
        flush();
        this.outK = outK;
        this.outT = outT;
    }

    void add(double v11, double v22, double v12, double preNtk, int at) {
        k11[n] = v11;
        k22[n] = v22;
        k12[n] = v12;
        pre[n] = preNtk;
        slot[n] = at;
        if (++n == CHUNK) {
            flush();
        }
    }

    void flush() {
        if (n == 0) {
            return;
        }
        boolean ntk = withNtk && outT != null;
        dual.compute(k11, k22, k12, n, cov, ntk ? dot : null);
        for (int k = 0; k < n; k++) {
            outK[slot[k]] = cov[k];
        }
        if (ntk) {
            for (int k = 0; k < n; k++) {
                outT[slot[k]] = dot[k] * pre[k];
            }
        }
        n = 0;
    }
}
