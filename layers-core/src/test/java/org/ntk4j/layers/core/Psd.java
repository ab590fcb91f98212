package org.ntk4j.layers.core;

import static org.assertj.core.api.Assertions.assertThat;

/** Symmetry and positive semidefiniteness of square kernel matrices (row-major). */
final class Psd {

    private Psd() {
    }

    static void assertSymmetric(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(m[i * n + j]).as("entry (%d, %d) against (%d, %d)", i, j, j, i).isEqualTo(m[j * n + i]);
            }
        }
    }

    /**
     * Smallest eigenvalue ≥ −1e-10 · trace, checked as: {@code m + 1e-10 · trace · I} has a Cholesky
     * factor (a symmetric matrix is positive definite exactly when the factorisation succeeds).
     */
    static void assertPositiveSemidefinite(double[] m, int n) {
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += m[i * n + i];
        }
        double[] a = m.clone();
        for (int i = 0; i < n; i++) {
            a[i * n + i] += 1e-10 * trace;
        }
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            assertThat(d).as("pivot %d of the Cholesky factorisation (matrix not PSD)", j).isPositive();
            double l = Math.sqrt(d);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double v = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    v -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = v / l;
            }
        }
    }
}
