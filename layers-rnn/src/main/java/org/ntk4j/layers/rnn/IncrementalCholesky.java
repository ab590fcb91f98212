package org.ntk4j.layers.rnn;

/**
 * A lower-triangular factor {@code C = L Lᵀ} grown one row at a time, as the covariance of a
 * sequentially sampled Gaussian becomes known step by step. Semi-definite covariances are allowed
 * (the same input twice in one block, or a step whose pre-activation is determined by earlier ones):
 * a pivot whose residual variance is below {@link #TINY} of the variance counts as zero and its
 * column is left empty, so the new component is an exact combination of the earlier ones.
 */
final class IncrementalCholesky {
    static final double TINY = 1e-10;

    private final double[][] rows;
    private int n;

    IncrementalCholesky(int capacity) {
        rows = new double[capacity][];
    }

    void reset() {
        n = 0;
    }

    /**
     * Appends a component whose covariances with the components so far are {@code c[0..n-1]} and whose
     * variance is {@code c[n]}; returns its row of L (length n + 1, shared: do not modify).
     */
    double[] append(double[] c) {
        double[] row = rows[n] != null && rows[n].length == n + 1 ? rows[n] : new double[n + 1];
        for (int k = 0; k < n; k++) {
            double[] lk = rows[k];
            double s = c[k];
            for (int m = 0; m < k; m++) {
                s -= row[m] * lk[m];
            }
            row[k] = lk[k] > 0 ? s / lk[k] : 0;
        }
        double d = c[n];
        for (int m = 0; m < n; m++) {
            d -= row[m] * row[m];
        }
        row[n] = d > TINY * Math.abs(c[n]) && d > 0 ? Math.sqrt(d) : 0;
        rows[n++] = row;
        return row;
    }
}
