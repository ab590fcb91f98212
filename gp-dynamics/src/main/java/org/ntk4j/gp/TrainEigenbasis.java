package org.ntk4j.gp;

import org.ntk4j.engine.linalg.LinearAlgebra;
import org.ntk4j.engine.linalg.SymmetricEigen;

/**
 * Everything about the training set that finite times share, computed once: the eigenpairs
 * {@code Θ_d = V diag(λ) Vᵀ} of the training kernel that drives the dynamics (with diagReg), the
 * targets in that basis {@code Vᵀ Y} and, when the NTK drives training, the NNGP in that basis
 * {@code Vᵀ K V}. With these, each finite time costs only diagonal scalings and test-sized GEMMs.
 */
final class TrainEigenbasis {
    final int n;
    final int outputs;
    /** Eigenvalues as computed, ascending; round-off negatives are treated as 0 by {@link #gain}. */
    final double[] values;
    /** Eigenvectors as columns, row-major N×N. */
    final double[] vectors;
    /** Vᵀ Y, N×outputs. */
    final double[] targets;
    /** Vᵀ K V, N×N, for the NTK; null for the NNGP, where it is diag(λ) exactly. */
    final double[] nngpInBasis;

    private TrainEigenbasis(int n, int outputs, SymmetricEigen eigen, double[] targets, double[] nngpInBasis) {
        this.n = n;
        this.outputs = outputs;
        this.values = eigen.values();
        this.vectors = eigen.vectors();
        this.targets = targets;
        this.nngpInBasis = nngpInBasis;
    }

    /**
     * @param dynamicsKernel Θ_d with diagReg already added
     * @param nngp K(X,X) for the NTK case, or null for the NNGP case
     */
    static TrainEigenbasis compute(LinearAlgebra la, double[] dynamicsKernel, double[] nngp, DenseMatrix y) {
        int n = y.rows();
        int o = y.cols();
        SymmetricEigen eigen = la.eigh(dynamicsKernel, n);
        double[] v = eigen.vectors();
        double[] yv = la.multiply(true, false, n, o, n, v, y.data());
        double[] kv = null;
        if (nngp != null) {
            double[] kTimesV = la.multiply(false, false, n, n, n, nngp, v);
            kv = la.multiply(true, false, n, n, n, v, kTimesV);
        }
        return new TrainEigenbasis(n, o, eigen, yv, kv);
    }

    /** (1 − e^{−λτ})/λ, the eigenvalue of Θ^(t); τ where λ ≤ 0 (its limit, and round-off clamping). */
    static double gain(double lambda, double tau) {
        return lambda > 0 ? -Math.expm1(-lambda * tau) / lambda : tau;
    }
}
