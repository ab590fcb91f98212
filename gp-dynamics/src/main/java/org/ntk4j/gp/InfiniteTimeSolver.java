package org.ntk4j.gp;

import org.ntk4j.engine.linalg.CholeskyFactor;
import org.ntk4j.engine.linalg.LinearAlgebra;

/**
 * The t = ∞ limit by Cholesky solves with the training kernel, never by 1/λ of its eigenvalues, so
 * that tiny eigenvalues cost accuracy only as much as the conditioning of the solve.
 */
final class InfiniteTimeSolver {
    private InfiniteTimeSolver() {
    }

    /**
     * NTK: with B = Θ_d⁻¹ Θ(X,x*), mean = Bᵀ Y and Σ = K(x*,x*) + BᵀKB − BᵀK(X,x*) − K(x*,X)B, evaluated
     * as K(x*,x*) + Z + Zᵀ with Z = H B, H = ½ BᵀK − K(x*,X).
     */
    static Gaussian ntk(LinearAlgebra la, CholeskyFactor dynamics, double[] nngpTrain, DenseMatrix y, TestKernels test) {
        int n = y.rows();
        int o = y.cols();
        int m = test.size();
        double[] b = dynamics.solve(transpose(test.ntkTestTrain().data(), m, n), m);
        double[] mean = la.multiply(true, false, m, o, n, b, y.data());
        double[] h = test.nngpTestTrain().data().clone();
        la.gemm(true, false, m, n, n, 0.5, b, nngpTrain, -1.0, h);
        double[] z = la.multiply(false, false, m, m, n, h, b);
        double[] cov = Covariances.priorPlusSymmetrised(test.nngpTest().data(), z, 1.0, m);
        return new Gaussian(new DenseMatrix(m, o, mean), new DenseMatrix(m, m, cov), la);
    }

    /**
     * The Bayesian posterior of the NNGP with noise variance diagReg, which is also the t = ∞ limit
     * when only the readout is trained: with B = (K + diagReg·I)⁻¹ K(X,x*), mean = Bᵀ Y and
     * Σ = K(x*,x*) − K(x*,X) B.
     */
    static Gaussian posterior(LinearAlgebra la, CholeskyFactor nngpRegularised, DenseMatrix y, TestKernels test) {
        int n = y.rows();
        int o = y.cols();
        int m = test.size();
        double[] b = nngpRegularised.solve(transpose(test.nngpTestTrain().data(), m, n), m);
        double[] mean = la.multiply(true, false, m, o, n, b, y.data());
        double[] z = la.multiply(false, false, m, m, n, test.nngpTestTrain().data(), b);
        double[] cov = Covariances.priorPlusSymmetrised(test.nngpTest().data(), z, -0.5, m);
        return new Gaussian(new DenseMatrix(m, o, mean), new DenseMatrix(m, m, cov), la);
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }
}
