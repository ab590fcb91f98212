package org.ntk4j.engine.linalg;

/** The factor {@code L} of {@code A = L Lᵀ}, kept so that many right-hand sides can be solved later. */
public interface CholeskyFactor {

    /** n, the order of A. */
    int size();

    /** A new row-major n×n array holding L (zeros above the diagonal). */
    double[] lower();

    /**
     * Solves {@code A X = B} for X.
     *
     * @param b row-major n×nrhs right-hand sides, not modified
     * @return a new row-major n×nrhs array holding X
     */
    double[] solve(double[] b, int nrhs);
}
