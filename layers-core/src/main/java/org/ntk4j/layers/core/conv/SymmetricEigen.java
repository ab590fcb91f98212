package org.ntk4j.layers.core.conv;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: accurate to working
 * precision (also for the tiny and zero eigenvalues of the rank-deficient batch covariances that
 * batchNorm produces), and dependency-free, which matters in a plugin module that sees only the api.
 */
final class SymmetricEigen {
    /** Eigenvalues, in no particular order. */
    final double[] values;
    /** {@code vectors[i * n + k]}: component i of eigenvector k. */
    final double[] vectors;
    final int n;

    private SymmetricEigen(int n, double[] values, double[] vectors) {
        this.n = n;
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes the symmetric part of the row-major {@code n × n} matrix {@code a} (not modified). */
    static SymmetricEigen of(double[] a, int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
            }
        }
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1.0;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale += m[i * n + i] * m[i * n + i];
                for (int j = i + 1; j < n; j++) {
                    off += m[i * n + j] * m[i * n + j];
                }
            }
            if (off <= 1e-32 * scale || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double app = m[p * n + p];
                    double aqq = m[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k * n + p];
                        double mkq = m[k * n + q];
                        m[k * n + p] = c * mkp - s * mkq;
                        m[k * n + q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p * n + k];
                        double mqk = m[q * n + k];
                        m[p * n + k] = c * mpk - s * mqk;
                        m[q * n + k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p];
                        double vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i * n + i];
        }
        return new SymmetricEigen(n, values, v);
    }

    double maxValue() {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
