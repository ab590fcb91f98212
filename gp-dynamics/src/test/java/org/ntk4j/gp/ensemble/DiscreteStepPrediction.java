package org.ntk4j.gp.ensemble;

/**
 * The Gaussian of the linearised network after k full-batch gradient-descent steps of size h (not the
 * gradient flow): the flow's formulas with Θ^(t) = Θ⁻¹(I − e^{−tΘ}) replaced by
 * Θ^(k) = Θ⁻¹(I − (I − hΘ)^k) = h Σ_{j<k} (I − hΘ)^j. Used only to size the tolerance for taking
 * discrete steps; written out literally on small dense arrays.
 */
final class DiscreteStepPrediction {
    private DiscreteStepPrediction() {
    }

    /** {mean, variance} per test point (single output). */
    static double[][] at(int k, double h, double[][] ntk, double[][] nngp, double[][] ntkTestTrain,
                         double[][] nngpTestTrain, double[][] nngpTest, double[] y) {
        int n = ntk.length;
        int m = nngpTest.length;
        double[][] step = new double[n][n]; // I − hΘ
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                step[i][j] = (i == j ? 1 : 0) - h * ntk[i][j];
            }
        }
        double[][] power = identity(n);
        double[][] sum = new double[n][n];
        for (int j = 0; j < k; j++) {
            add(sum, power);
            power = multiply(power, step);
        }
        double[][] thetaK = scale(sum, h);
        double[][] a = multiply(ntkTestTrain, thetaK); // m × n
        double[][] aK = multiply(a, nngp);
        double[] mean = new double[m];
        double[] var = new double[m];
        for (int p = 0; p < m; p++) {
            double mu = 0;
            double quad = 0;
            double cross = 0;
            for (int i = 0; i < n; i++) {
                mu += a[p][i] * y[i];
                quad += aK[p][i] * a[p][i];
                cross += a[p][i] * nngpTestTrain[p][i];
            }
            mean[p] = mu;
            var[p] = nngpTest[p][p] + quad - 2 * cross;
        }
        return new double[][]{mean, var};
    }

    private static double[][] identity(int n) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            r[i][i] = 1;
        }
        return r;
    }

    private static void add(double[][] into, double[][] b) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[i].length; j++) {
                into[i][j] += b[i][j];
            }
        }
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] *= s;
            }
        }
        return r;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int rows = a.length;
        int inner = b.length;
        int cols = b[0].length;
        double[][] r = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int l = 0; l < inner; l++) {
                double v = a[i][l];
                for (int j = 0; j < cols; j++) {
                    r[i][j] += v * b[l][j];
                }
            }
        }
        return r;
    }
}
