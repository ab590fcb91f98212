package org.ntk4j.engine.linalg;

/** Argument checks shared by the back-ends, so both reject the same mistakes with the same words. */
final class MatrixArgs {
    private MatrixArgs() {
    }

    static void requireLength(String what, double[] array, long rows, long cols) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (array.length != rows * cols) {
            throw new IllegalArgumentException(what + " should hold " + rows + "x" + cols + " = " + rows * cols
                    + " entries but has " + array.length);
        }
    }

    static void requireSquareFinite(String what, double[] a, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " has negative order " + n);
        }
        requireLength(what, a, n, n);
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + " has a non-finite entry " + a[i]
                        + " at (" + i / n + ", " + i % n + ")");
            }
        }
    }

    static void requireGemmShapes(boolean transA, boolean transB, int m, int n, int k,
                                  double[] a, double[] b, double[] c) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm sizes must be non-negative, got m=" + m + " n=" + n + " k=" + k);
        }
        requireLength(transA ? "A (stored k x m)" : "A (m x k)", a, transA ? k : m, transA ? m : k);
        requireLength(transB ? "B (stored n x k)" : "B (k x n)", b, transB ? n : k, transB ? k : n);
        requireLength("C (m x n)", c, m, n);
    }

    /** In-place transpose of a square row-major matrix. */
    static void transposeSquareInPlace(double[] a, int n) {
        final int block = 64; // blocks keep both the rows and the columns being swapped in cache
        for (int ib = 0; ib < n; ib += block) {
            for (int jb = ib; jb < n; jb += block) {
                int iEnd = Math.min(ib + block, n);
                int jEnd = Math.min(jb + block, n);
                for (int i = ib; i < iEnd; i++) {
                    for (int j = Math.max(jb, i + 1); j < jEnd; j++) {
                        double t = a[i * n + j];
                        a[i * n + j] = a[j * n + i];
                        a[j * n + i] = t;
                    }
                }
            }
        }
    }

    /** Transpose of a rows×cols row-major matrix into a new cols×rows array. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        final int block = 64;
        for (int ib = 0; ib < rows; ib += block) {
            for (int jb = 0; jb < cols; jb += block) {
                int iEnd = Math.min(ib + block, rows);
                int jEnd = Math.min(jb + block, cols);
                for (int i = ib; i < iEnd; i++) {
                    for (int j = jb; j < jEnd; j++) {
                        t[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
        return t;
    }
}
