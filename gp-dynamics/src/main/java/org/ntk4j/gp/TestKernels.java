package org.ntk4j.gp;

/**
 * Kernels between test points x* and training points X.
 *
 * @param ntkTestTrain Θ(x*, X), M×N; may be null when the NNGP drives training
 * @param nngpTestTrain K(x*, X), M×N
 * @param nngpTest K(x*, x*), M×M
 */
public record TestKernels(DenseMatrix ntkTestTrain, DenseMatrix nngpTestTrain, DenseMatrix nngpTest) {

    /** Number of test points M. */
    public int size() {
        return nngpTest.rows();
    }
}
