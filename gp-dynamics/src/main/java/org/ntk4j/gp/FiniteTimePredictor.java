package org.ntk4j.gp;

import org.ntk4j.engine.linalg.LinearAlgebra;

/**
 * The GP on one set of test points at finite times, working in the eigenbasis of the training kernel.
 * Construction projects the test-train kernels onto the eigenvectors (one M×N×N GEMM each); every
 * time after that costs diagonal scalings plus, for the NTK, one M×N×N and one M×N×M GEMM, and for
 * the NNGP one M×N×M GEMM.
 *
 * <p>With g = (1 − e^{−λτ})/λ, P = Θ(x*,X) V diag(g) and S = K(x*,X) V:
 * mean = P Vᵀ Y and, for the NTK, Σ = K(x*,x*) + P (VᵀKV) Pᵀ − P Sᵀ − S Pᵀ, evaluated as
 * K(x*,x*) + Z + Zᵀ with Z = P Hᵀ, H = ½ P (VᵀKV) − S. For the NNGP, VᵀKV = diag(λ) and P = S diag(g),
 * so Σ = K(x*,x*) − S diag((1 − e^{−2λτ})/λ) Sᵀ.
 */
final class FiniteTimePredictor {
    private final LinearAlgebra la;
    private final TrainEigenbasis basis;
    private final TestKernels test;
    private final int m;
    /** Θ(x*,X) V for the NTK; null for the NNGP (where it equals {@link #nngpProjected}). */
    private final double[] ntkProjected;
    /** K(x*,X) V. */
    private final double[] nngpProjected;

    FiniteTimePredictor(LinearAlgebra la, TrainEigenbasis basis, TestKernels test, boolean ntk) {
        this.la = la;
        this.basis = basis;
        this.test = test;
        this.m = test.size();
        int n = basis.n;
        this.nngpProjected = la.multiply(false, false, m, n, n, test.nngpTestTrain().data(), basis.vectors);
        this.ntkProjected = ntk ? la.multiply(false, false, m, n, n, test.ntkTestTrain().data(), basis.vectors) : null;
    }

    /** The Gaussian at scaled time τ = η·t (already divided by N·outputs for the mean loss); τ finite ≥ 0. */
    Gaussian at(double tau) {
        int n = basis.n;
        int o = basis.outputs;
        if (tau == 0) { // nothing has moved yet: the prior
            return new Gaussian(DenseMatrix.zeros(m, o),
                    new DenseMatrix(m, m, Covariances.priorPlusSymmetrised(test.nngpTest().data(), null, 0, m)), la);
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = TrainEigenbasis.gain(basis.values[i], tau);
        }
        double[] p = scaleColumns(ntkProjected != null ? ntkProjected : nngpProjected, g, n);
        double[] mean = la.multiply(false, false, m, o, n, p, basis.targets);

        double[] cov;
        if (ntkProjected != null) {
            double[] h = nngpProjected.clone();
            la.gemm(false, false, m, n, n, 0.5, p, basis.nngpInBasis, -1.0, h);
            double[] z = la.multiply(false, true, m, m, n, p, h);
            cov = Covariances.priorPlusSymmetrised(test.nngpTest().data(), z, 1.0, m);
        } else {
            double[] g2 = new double[n];
            for (int i = 0; i < n; i++) {
                g2[i] = TrainEigenbasis.gain(basis.values[i], 2 * tau); // 2g − λg² = (1 − e^{−2λτ})/λ
            }
            double[] q = scaleColumns(nngpProjected, g2, n);
            double[] z = la.multiply(false, true, m, m, n, q, nngpProjected);
            cov = Covariances.priorPlusSymmetrised(test.nngpTest().data(), z, -0.5, m);
        }
        return new Gaussian(new DenseMatrix(m, o, mean), new DenseMatrix(m, m, cov), la);
    }

    private double[] scaleColumns(double[] a, double[] s, int n) {
        double[] out = new double[a.length];
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[row + j] = a[row + j] * s[j];
            }
        }
        return out;
    }
}
