package org.ntk4j.gp;

import java.util.Random;

/**
 * Jointly valid kernels on train ∪ test points for tests, built from random feature maps so every
 * block is consistent: K = ΦΦᵀ/F and Θ = K + ΨΨᵀ/F (an NTK is the NNGP plus more positive terms).
 */
final class SyntheticKernels {
    final int n;
    final int m;
    final DenseMatrix ntkTrain;
    final DenseMatrix nngpTrain;
    final DenseMatrix ntkTestTrain;
    final DenseMatrix nngpTestTrain;
    final DenseMatrix nngpTest;
    final DenseMatrix y;

    SyntheticKernels(long seed, int n, int m, int outputs, int features) {
        this(seed, n, m, outputs, features, false);
    }

    /** With {@code duplicate}, training points 0 and 1 coincide, so the training kernels are singular. */
    SyntheticKernels(long seed, int n, int m, int outputs, int features, boolean duplicate) {
        this.n = n;
        this.m = m;
        Random rnd = new Random(seed);
        int p = n + m;
        double[] phi = gaussian(rnd, p, features);
        double[] psi = gaussian(rnd, p, features);
        if (duplicate) {
            System.arraycopy(phi, features, phi, 0, features);
            System.arraycopy(psi, features, psi, 0, features);
        }
        double[] k = gram(phi, p, features);
        double[] theta = gram(psi, p, features);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += k[i];
        }
        ntkTrain = block(theta, p, 0, n, 0, n);
        nngpTrain = block(k, p, 0, n, 0, n);
        ntkTestTrain = block(theta, p, n, m, 0, n);
        nngpTestTrain = block(k, p, n, m, 0, n);
        nngpTest = block(k, p, n, m, n, m);
        y = new DenseMatrix(n, outputs, gaussian(rnd, n, outputs));
    }

    TestKernels test() {
        return new TestKernels(ntkTestTrain, nngpTestTrain, nngpTest);
    }

    GradientFlowGP gp(GradientFlowOptions options) {
        return GradientFlowGP.builder().ntkTrain(ntkTrain).nngpTrain(nngpTrain).targets(y).test(test())
                .options(options).build();
    }

    private static double[] gaussian(Random rnd, int rows, int cols) {
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        return a;
    }

    private static double[] gram(double[] f, int p, int features) {
        double[] g = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int l = 0; l < features; l++) {
                    s += f[i * features + l] * f[j * features + l];
                }
                g[i * p + j] = s / features;
            }
        }
        return g;
    }

    private static DenseMatrix block(double[] a, int p, int row0, int rows, int col0, int cols) {
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, (row0 + i) * p + col0, out, i * cols, cols);
        }
        return new DenseMatrix(rows, cols, out);
    }
}
