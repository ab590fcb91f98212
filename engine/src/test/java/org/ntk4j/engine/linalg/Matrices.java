package org.ntk4j.engine.linalg;

import java.util.Random;

/** Small dense helpers for the linear-algebra tests: random inputs and naive reference products. */
final class Matrices {
    private Matrices() {
    }

    static double[] gaussian(Random rnd, int rows, int cols) {
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        return a;
    }

    /** B Bᵀ / n + shift·I: symmetric positive definite with smallest eigenvalue at least {@code shift}. */
    static double[] randomSpd(Random rnd, int n, double shift) {
        double[] b = gaussian(rnd, n, n);
        double[] a = naiveProduct(false, true, n, n, n, b, b);
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] += shift;
        }
        return a;
    }

    /** (B + Bᵀ)/2: symmetric and, in general, indefinite. */
    static double[] randomSymmetric(Random rnd, int n) {
        double[] b = gaussian(rnd, n, n);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = 0.5 * (b[i * n + j] + b[j * n + i]);
            }
        }
        return a;
    }

    /** op(A)·op(B) by the textbook triple loop, the reference for GEMM. */
    static double[] naiveProduct(boolean tA, boolean tB, int m, int n, int k, double[] a, double[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    double ail = tA ? a[l * m + i] : a[i * k + l];
                    double blj = tB ? b[j * k + l] : b[l * n + j];
                    s += ail * blj;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** max |a − b| / max |b|, the relative error used throughout (0 when both are zero). */
    static double relativeError(double[] a, double[] b) {
        double scale = maxAbs(b);
        double diff = maxAbsDiff(a, b);
        return scale == 0 ? diff : diff / scale;
    }

    /** V diag(λ) Vᵀ for eigenvectors stored as columns. */
    static double[] reconstruct(SymmetricEigen e) {
        int n = e.size();
        double[] vl = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                vl[i * n + j] = e.vectors()[i * n + j] * e.values()[j];
            }
        }
        return naiveProduct(false, true, n, n, n, vl, e.vectors());
    }

    static double[] identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return id;
    }
}
