package org.ntk4j.engine.linalg;

/** The factor {@code L} of {@code A = L Lᵀ}, kept so that many right-hand sides can be solved later. */
public interface CholeskyFactor {

    /** n, the order of A. */
    int size();

    /**
     * The diagonal of L. Its squares are the pivots of the elimination: one that is tiny next to the
     * diagonal of A means A is singular to working precision even though the factorisation succeeded.
     */
    double[] diagonal();

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
