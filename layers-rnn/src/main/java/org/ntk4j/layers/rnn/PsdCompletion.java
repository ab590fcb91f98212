package org.ntk4j.layers.rnn;

/**
 * A positive semi-definite completion of a cross block: for X (p×q) the matrix
 * {@code [[(X Xᵀ)^½, X], [Xᵀ, (Xᵀ X)^½]]} equals {@code [U; V] Σ [U; V]ᵀ} for the SVD X = U Σ Vᵀ, hence
 * is PSD. The gru's tangent Gaussians need a joint covariance over both sequences of a pair, but the
 * kernel state does not hold an input's NTK with itself; the cross expectations the NTK is made of
 * depend only on the cross block, so any PSD completion is exact for them.
 */
final class PsdCompletion {

    private PsdCompletion() {
    }

    /** {@code (X Xᵀ)^½}. */
    static double[][] leftBlock(double[][] x) {
        int p = x.length;
        double[][] g = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int k = 0; k < x[a].length; k++) {
                    s += x[a][k] * x[b][k];
                }
                g[a][b] = s;
            }
        }
        return sqrt(g);
    }

    /** {@code (Xᵀ X)^½}. */
    static double[][] rightBlock(double[][] x) {
        int q = x[0].length;
        double[][] t = new double[q][x.length];
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < q; b++) {
                t[b][a] = x[a][b];
            }
        }
        return leftBlock(t);
    }

    /** The PSD square root of a symmetric PSD matrix, by cyclic Jacobi rotations. */
    static double[][] sqrt(double[][] sym) {
        int n = sym.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = sym[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double scale = 0;
        for (double[] r : a) {
            for (double e : r) {
                scale += e * e;
            }
        }
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * scale) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[][] r = new double[n][n];
        for (int k = 0; k < n; k++) {
            double root = Math.sqrt(Math.max(0, a[k][k]));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] += v[i][k] * root * v[j][k];
                }
            }
        }
        return r;
    }
}
