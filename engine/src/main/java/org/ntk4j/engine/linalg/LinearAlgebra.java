package org.ntk4j.engine.linalg;

/**
 * Dense linear algebra behind one interface, so the pure-Java fallback and the native back-end are
 * interchangeable and can be checked against each other by one contract test.
 *
 * <p>Every matrix is a row-major {@code double[]}: element (i, j) of an r×c matrix is at
 * {@code i * c + j}. No library types cross this interface. Inputs are never modified unless a
 * parameter says so (only the {@code c} argument of {@link #gemm}). A wrong array length is a
 * programming error and throws {@link IllegalArgumentException}, as does a non-finite entry in a
 * matrix to be factorised (LAPACK's behaviour on NaN is undefined).
 *
 * <p>Implementations are safe to call from several threads at once.
 */
public interface LinearAlgebra {

    /** Short name for logs and summaries, e.g. {@code "openblas"} or {@code "ejml"}. */
    String name();

    /**
     * Symmetric eigendecomposition {@code A = V diag(λ) Vᵀ}.
     *
     * @param a a symmetric n×n matrix (symmetric to round-off; which triangle is read is unspecified)
     * @return eigenvalues in ascending order and orthonormal eigenvectors as the <em>columns</em> of
     *     a row-major n×n matrix (the numpy/LAPACK convention)
     * @throws ArithmeticException if the algorithm does not converge
     */
    SymmetricEigen eigh(double[] a, int n);

    /** The eigenvalues alone of a symmetric n×n matrix, ascending; cheaper than {@link #eigh}. */
    double[] eigenvalues(double[] a, int n);

    /**
     * Cholesky factorisation {@code A = L Lᵀ} of a symmetric positive-definite n×n matrix.
     *
     * @throws NotPositiveDefiniteException if {@code a} is not (numerically) positive definite
     */
    CholeskyFactor cholesky(double[] a, int n);

    /**
     * {@code C = alpha·op(A)·op(B) + beta·C}, where op(A) is m×k and op(B) is k×n. A is stored as m×k
     * (k×m when {@code transA}), B as k×n (n×k when {@code transB}), C as m×n. As in BLAS, when
     * {@code beta == 0} the previous contents of C are ignored (even NaN).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              double alpha, double[] a, double[] b, double beta, double[] c);

    /**
     * Makes every later call use one thread, until the returned handle is run: for callers that run
     * many small calls in parallel themselves (tiles), where a multi-threaded BLAS only oversubscribes
     * the cores. Process-wide; a no-op for single-threaded back-ends.
     */
    default Runnable singleThreaded() {
        return () -> { };
    }

    /** Convenience: a new m×n array holding {@code op(A)·op(B)}. */
    default double[] multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
        double[] c = new double[Math.multiplyExact(m, n)];
        gemm(transA, transB, m, n, k, 1.0, a, b, 0.0, c);
        return c;
    }
}
