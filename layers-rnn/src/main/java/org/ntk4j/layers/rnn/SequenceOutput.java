package org.ntk4j.layers.rnn;

import org.ntk4j.api.finite.Batch;

/**
 * What the finite recurrent twins return and how the output's cotangent reaches the states: "last"
 * is the state visible at the final time (the last present step's, carried over), "mean" averages
 * the present steps, "sequence" returns the state visible at every time.
 */
final class SequenceOutput {

    private SequenceOutput() {
    }

    /** {@code states[e][t * n + k]}: the state visible at time t (carried over masked steps). */
    static Batch of(OutputMode mode, Batch x, double[][] states, int n) {
        int steps = x.positions();
        if (mode == OutputMode.SEQUENCE) {
            double[][] rows = new double[x.size()][];
            for (int e = 0; e < rows.length; e++) {
                rows[e] = states[e].clone();
            }
            return new Batch(x.spatial(), n, rows, x.mask());
        }
        double[][] rows = new double[x.size()][n];
        for (int e = 0; e < rows.length; e++) {
            if (mode == OutputMode.LAST) {
                System.arraycopy(states[e], (steps - 1) * n, rows[e], 0, n);
                continue;
            }
            int count = presentCount(x, e);
            for (int t = 0; t < steps; t++) {
                if (x.present(e, t)) {
                    for (int k = 0; k < n; k++) {
                        rows[e][k] += states[e][t * n + k] / count;
                    }
                }
            }
        }
        return new Batch(new int[0], n, rows, null);
    }

    static int presentCount(Batch x, int e) {
        int count = 0;
        for (int t = 0; t < x.positions(); t++) {
            count += x.present(e, t) ? 1 : 0;
        }
        return count;
    }

    /** Adds to {@code dh} the output cotangent reaching the state visible at time t of example e. */
    static void addCotangent(OutputMode mode, Batch x, Batch cot, int e, int t, double[] dh, int n) {
        double[] c = cot.data()[e];
        switch (mode) {
            case LAST -> {
                if (t == x.positions() - 1) {
                    for (int k = 0; k < n; k++) {
                        dh[k] += c[k];
                    }
                }
            }
            case MEAN -> {
                if (x.present(e, t)) {
                    double inv = 1.0 / presentCount(x, e);
                    for (int k = 0; k < n; k++) {
                        dh[k] += c[k] * inv;
                    }
                }
            }
            case SEQUENCE -> {
                for (int k = 0; k < n; k++) {
                    dh[k] += c[t * n + k];
                }
            }
        }
    }

    /** The previous present time before t, or −1. */
    static int previousPresent(Batch x, int e, int t) {
        for (int s = t - 1; s >= 0; s--) {
            if (x.present(e, s)) {
                return s;
            }
        }
        return -1;
    }
}
