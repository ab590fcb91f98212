package org.ntk4j.layers.rnn;

/**
 * Bookkeeping shared by the recurrent kernels for per-pair T×T blocks over time steps: which sequences
 * a block belongs to, entries at masked steps (the state carries over), and means over present steps.
 */
final class StepBlocks {

    private StepBlocks() {
    }

    /** Which (row, column) sequences each block belongs to: all pairs of a cross block, or each sequence with itself. */
    record Pairs(int n1, int n2, boolean diagonal) {
        static Pairs self(int n) {
            return new Pairs(n, n, true);
        }

        int count() {
            return diagonal ? n1 : n1 * n2;
        }

        int row(int p) {
            return diagonal ? p : p / n2;
        }

        int col(int p) {
            return diagonal ? p : p % n2;
        }
    }

    /**
     * Fills the entries at masked steps: the state there is the one of the last present step before
     * (zero before the first present step), so its covariances are copied from there.
     */
    static void carryOver(double[] k, double[] t, Pairs pairs, PresentSteps[] rows, PresentSteps[] cols,
                                  int steps) {
        int e = steps * steps;
        for (int p = 0; p < pairs.count(); p++) {
            PresentSteps r = rows[pairs.row(p)];
            PresentSteps c = cols[pairs.col(p)];
            if (r.count() == steps && c.count() == steps) {
                continue;
            }
            int base = p * e;
            for (int s = 0; s < steps; s++) {
                int a = r.stateAt(s);
                for (int u = 0; u < steps; u++) {
                    int b = c.stateAt(u);
                    int at = base + s * steps + u;
                    if (a >= 0 && b >= 0 && r.time(a) == s && c.time(b) == u) {
                        continue;
                    }
                    int from = a < 0 || b < 0 ? -1 : base + r.time(a) * steps + c.time(b);
                    k[at] = from < 0 ? 0 : k[from];
                    if (t != null) {
                        t[at] = from < 0 ? 0 : t[from];
                    }
                }
            }
        }
    }

    static void average(double[] blocks, double[] out, Pairs pairs, PresentSteps[] rows, PresentSteps[] cols,
                                int steps) {
        int e = steps * steps;
        for (int p = 0; p < pairs.count(); p++) {
            PresentSteps r = rows[pairs.row(p)];
            PresentSteps c = cols[pairs.col(p)];
            double sum = 0;
            for (int a = 0; a < r.count(); a++) {
                int row = p * e + r.time(a) * steps;
                for (int b = 0; b < c.count(); b++) {
                    sum += blocks[row + c.time(b)];
                }
            }
            out[p] = sum / ((double) r.count() * c.count());
        }
    }

    static int longest(PresentSteps[] seqs) {
        int m = 0;
        for (PresentSteps s : seqs) {
            m = Math.max(m, s.count());
        }
        return m;
    }
}
