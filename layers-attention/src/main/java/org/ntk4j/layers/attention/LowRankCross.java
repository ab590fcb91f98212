package org.ntk4j.layers.attention;

import java.util.Arrays;

/**
 * A tile's cross covariances written as {@code K_ij = U_i V_jᵀ} with few columns, when they have
 * that form: the attention product then becomes {@code (A_i U_i)(A_j V_j)ᵀ}, r·S² multiply-adds per
 * pair instead of 2·S³, with {@code A_i U_i} once per input.
 *
 * <p>This happens when attention sees a linear image of narrow inputs (right after the input, or
 * after {@code dense} on it: {@code K_ij = σ² X_i X_jᵀ/d + b²}, rank ≤ d + 1 &lt; S), not after a
 * nonlinearity or layerNorm, whose blocks have full rank. The layer cannot see its predecessors,
 * so it finds out from the numbers: adaptive cross approximation (rank-one steps through a pivot row
 * and column of the residual, O((n1 + n2)·S·r²)) proposes the factors, then every entry of the
 * tile is checked, {@code |C − U Vᵀ| ≤ 1e-14 · max|C|}. Only a verified factorisation is used, so
 * the product differs from the general one by at most that bound (the rows of A are non-negative
 * and sum to at most 1); anything else, including a failure found in the first row checked, falls
 * back to the general product.
 */
final class LowRankCross {

    /** Relative bound on every entry of {@code C − U Vᵀ} for the factors to be used. */
    static final double TOLERANCE = 1e-14;

    private final int s;
    private final int rank;
    /** Column k of U over the stacked rows (i, p) of x1: {@code u[k][i·S + p]}. */
    private final double[][] u;
    /** Row k of Vᵀ over the stacked columns (j, q) of x2: {@code v[k][j·S + q]}. */
    private final double[][] v;

    private LowRankCross(int s, int rank, double[][] u, double[][] v) {
        this.s = s;
        this.rank = rank;
        this.u = u;
        this.v = v;
    }

    int rank() {
        return rank;
    }

    /**
     * The factors of the n1·S × n2·S matrix with blocks {@code K_ij} at {@code c[(i·n2 + j)·S² ..)},
     * or null when it has no verified factorisation of rank ≤ {@code maxRank}.
     */
    static LowRankCross factor(double[] c, int n1, int n2, int s, int maxRank) {
        int rows = n1 * s;
        int cols = n2 * s;
        double[][] u = new double[maxRank][];
        double[][] v = new double[maxRank][];
        boolean[] usedRow = new boolean[rows];
        double[] residualRow = new double[cols];
        // The largest |C| met so far stands in for max|C| until the factors are checked, so a tile of
        // full rank (the usual case after a nonlinearity) is given up after maxRank cheap steps.
        double seen = 0;
        double scale = -1;
        int k = 0;
        int pivotRow = 0;
        while (true) {
            while (k < maxRank) {
                usedRow[pivotRow] = true;
                seen = Math.max(seen, residual(c, n2, s, pivotRow, u, v, k, residualRow, true));
                int pivotCol = argMaxAbs(residualRow);
                double pivot = residualRow[pivotCol];
                if (!(Math.abs(pivot) > TOLERANCE * Math.max(seen, scale))) {
                    break;
                }
                double[] col = new double[rows];
                for (int a = 0; a < rows; a++) {
                    double x = entry(c, n2, s, a, pivotCol);
                    seen = Math.max(seen, Math.abs(x));
                    for (int l = 0; l < k; l++) {
                        x -= u[l][a] * v[l][pivotCol];
                    }
                    col[a] = x;
                }
                double inv = 1.0 / pivot;
                double[] row = new double[cols];
                for (int b = 0; b < cols; b++) {
                    row[b] = residualRow[b] * inv;
                }
                u[k] = col;
                v[k] = row;
                k++;
                pivotRow = nextRow(usedRow, col);
                if (pivotRow < 0) {
                    break;
                }
            }
            if (k == maxRank && scale < 0 && pivotRow >= 0) {
                // Still finding new directions: almost surely full rank; not worth a full check.
                residual(c, n2, s, pivotRow, u, v, k, residualRow, false);
                if (Math.abs(residualRow[argMaxAbs(residualRow)]) > TOLERANCE * seen) {
                    return null;
                }
            }
            if (scale < 0) {
                scale = maxAbs(c);
            }
            int worst = worstRow(c, n2, s, rows, u, v, k, TOLERANCE * scale, residualRow);
            if (worst < 0) {
                return new LowRankCross(s, k, Arrays.copyOf(u, k), Arrays.copyOf(v, k));
            }
            if (k >= maxRank || usedRow[worst]) {
                return null;
            }
            pivotRow = worst;
        }
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double y : x) {
            m = Math.max(m, Math.abs(y));
        }
        return m;
    }

    /** The unused row where {@code col} is largest (the classic ACA choice), or the first unused row. */
    private static int nextRow(boolean[] used, double[] col) {
        int best = -1;
        double max = -1;
        for (int a = 0; a < used.length; a++) {
            if (!used[a]) {
                double m = col == null ? 0 : Math.abs(col[a]);
                if (m > max) {
                    max = m;
                    best = a;
                }
            }
        }
        return best;
    }

    private static double entry(double[] c, int n2, int s, int a, int b) {
        int i = a / s;
        int p = a % s;
        int j = b / s;
        int q = b % s;
        return c[((i * n2 + j) * s + p) * s + q];
    }

    /** Row a of {@code C − Σ_{l<k} u_l v_lᵀ} into {@code out}; returns the largest |C| in that row if asked (else 0). */
    private static double residual(double[] c, int n2, int s, int a, double[][] u, double[][] v, int k, double[] out,
                                   boolean wantMax) {
        int i = a / s;
        int p = a % s;
        for (int j = 0; j < n2; j++) {
            System.arraycopy(c, ((i * n2 + j) * s + p) * s, out, j * s, s);
        }
        double max = wantMax ? maxAbs(out) : 0;
        for (int l = 0; l < k; l++) {
            double w = -u[l][a];
            double[] y = v[l];
            for (int b = 0; b < out.length; b++) {
                out[b] += w * y[b];
            }
        }
        return max;
    }

    private static int argMaxAbs(double[] x) {
        int best = 0;
        for (int b = 1; b < x.length; b++) {
            if (Math.abs(x[b]) > Math.abs(x[best])) {
                best = b;
            }
        }
        return best;
    }

    /** The first row whose residual exceeds {@code tol} somewhere, or −1 when every entry is within it. */
    private static int worstRow(double[] c, int n2, int s, int rows, double[][] u, double[][] v, int k, double tol,
                                double[] scratch) {
        for (int a = 0; a < rows; a++) {
            residual(c, n2, s, a, u, v, k, scratch, false);
            for (double x : scratch) {
                if (!(Math.abs(x) <= tol)) {
                    return a;
                }
            }
        }
        return -1;
    }

    /** {@code A U_i} for input i of x1, S × r row-major: the left factor of its products. */
    double[] left(int i, double[] a) {
        double[] out = new double[s * rank];
        for (int p = 0; p < s; p++) {
            for (int l = 0; l < rank; l++) {
                double sum = 0;
                double[] col = u[l];
                for (int c = 0; c < s; c++) {
                    sum += a[p * s + c] * col[i * s + c];
                }
                out[p * rank + l] = sum;
            }
        }
        return out;
    }

    /** {@code (A V_j)ᵀ} for input j of x2, as r rows of S: the right factor of its products. */
    double[][] right(int j, double[] a) {
        double[][] out = new double[rank][s];
        for (int l = 0; l < rank; l++) {
            double[] row = v[l];
            for (int q = 0; q < s; q++) {
                double sum = 0;
                for (int c = 0; c < s; c++) {
                    sum += a[q * s + c] * row[j * s + c];
                }
                out[l][q] = sum;
            }
        }
        return out;
    }
}
