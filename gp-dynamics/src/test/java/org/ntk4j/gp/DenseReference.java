package org.ntk4j.gp;

/**
 * The gradient-flow GP written out literally, for tests: Θ^(t) = Θ⁻¹(I − e^{−τΘ}) with the matrix
 * exponential by scaling and squaring of a Taylor series and Θ⁻¹ by Gauss–Jordan elimination, then
 * the mean and covariance formulas of the spec term by term. No eigendecomposition and no Cholesky,
 * so it shares no numerical path with the code under test.
 */
final class DenseReference {
    private DenseReference() {
    }

    record Result(double[] mean, double[] cov) {
    }

    /**
     * @param dynamics Θ_d (N×N, regularisation included)
     * @param middle K_m (N×N), the covariance of the initial training outputs
     * @param tau scaled time, or +∞
     */
    static Result predict(double[] dynamics, double[] middle, double[] dynTestTrain, double[] nngpTestTrain,
                          double[] nngpTest, double[] y, int n, int m, int o, double tau) {
        double[] thetaT = tau == Double.POSITIVE_INFINITY ? inverse(dynamics, n) : gainMatrix(dynamics, n, tau);
        double[] a = mul(dynTestTrain, thetaT, m, n, n);                    // Θ(x*,X) Θ^(t)
        double[] mean = mul(a, y, m, n, o);
        double[] thetaTimesTestT = mul(thetaT, transpose(dynTestTrain, m, n), n, n, m); // Θ^(t) Θ(X,x*)
        double[] quad = mul(mul(a, middle, m, n, n), thetaTimesTestT, m, n, m);
        double[] cross = mul(a, transpose(nngpTestTrain, m, n), m, n, m);  // Θ(x*,X) Θ^(t) K(X,x*)
        double[] cov = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                cov[i * m + j] = nngpTest[i * m + j] + quad[i * m + j] - cross[i * m + j] - cross[j * m + i];
            }
        }
        return new Result(mean, cov);
    }

    /** Θ⁻¹(I − e^{−τΘ}). */
    static double[] gainMatrix(double[] theta, int n, double tau) {
        double[] e = expm(scale(theta, -tau), n);
        double[] iMinusE = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            iMinusE[i] = (i % (n + 1) == 0 ? 1 : 0) - e[i];
        }
        return mul(inverse(theta, n), iMinusE, n, n, n);
    }

    static double[] expm(double[] a, int n) {
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += Math.abs(a[i * n + j]);
            }
            norm = Math.max(norm, col);
        }
        int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / 0.25) / Math.log(2)));
        double[] x = scale(a, Math.pow(2, -squarings));
        double[] sum = identity(n);
        double[] term = identity(n);
        for (int k = 1; k <= 30; k++) {
            term = scale(mul(term, x, n, n, n), 1.0 / k);
            for (int i = 0; i < n * n; i++) {
                sum[i] += term[i];
            }
        }
        for (int s = 0; s < squarings; s++) {
            sum = mul(sum, sum, n, n, n);
        }
        return sum;
    }

    static double[] inverse(double[] a, int n) {
        double[] w = a.clone();
        double[] inv = identity(n);
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(w[r * n + c]) > Math.abs(w[pivot * n + c])) {
                    pivot = r;
                }
            }
            swapRows(w, n, c, pivot);
            swapRows(inv, n, c, pivot);
            double d = w[c * n + c];
            for (int j = 0; j < n; j++) {
                w[c * n + j] /= d;
                inv[c * n + j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = w[r * n + c];
                    for (int j = 0; j < n; j++) {
                        w[r * n + j] -= f * w[c * n + j];
                        inv[r * n + j] -= f * inv[c * n + j];
                    }
                }
            }
        }
        return inv;
    }

    private static void swapRows(double[] a, int n, int r1, int r2) {
        for (int j = 0; j < n; j++) {
            double t = a[r1 * n + j];
            a[r1 * n + j] = a[r2 * n + j];
            a[r2 * n + j] = t;
        }
    }

    static double[] mul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < k; l++) {
                double ail = a[i * k + l];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += ail * b[l * n + j];
                }
            }
        }
        return c;
    }

    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    static double[] scale(double[] a, double s) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * s;
        }
        return out;
    }

    static double[] identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return id;
    }

    static double[] plusDiagonal(double[] a, int n, double d) {
        double[] out = a.clone();
        for (int i = 0; i < n; i++) {
            out[i * n + i] += d;
        }
        return out;
    }

    /** max |a − b| / max |b|. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
