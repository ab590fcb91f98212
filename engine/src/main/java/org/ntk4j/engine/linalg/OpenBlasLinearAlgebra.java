package org.ntk4j.engine.linalg;

import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasNonUnit;
import static org.bytedeco.openblas.global.openblas.CblasRight;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevr;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;
import static org.bytedeco.openblas.global.openblas.cblas_dtrsm;

import java.io.IOException;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Native back-end: OpenBLAS and its LAPACK from the {@code org.bytedeco:openblas} jars on Maven
 * Central (the shared library is unpacked from the platform jar; nothing is installed on the system).
 *
 * <p>Obtain it through {@link LinearAlgebras}, which loads this class reflectively and falls back to
 * EJML if the native library cannot be linked. LAPACK is called in column-major order on our
 * row-major arrays: a symmetric matrix is its own transpose, so no copy is needed on the way in,
 * and the few results that come back transposed are flipped in Java (O(n²) next to O(n³) work).
 *
 * <p>Arrays travel through native buffers allocated per call and freed at once: each input is copied
 * in once and each output copied out once. (Passing {@code double[]} straight to the JNI bindings
 * copies every array both ways, inputs included, which at n = 4000 costs about 0.1 s per matrix.)
 */
public final class OpenBlasLinearAlgebra implements LinearAlgebra {

    /** System property: number of OpenBLAS threads (default: OpenBLAS's own choice, all cores). */
    public static final String THREADS_PROPERTY = "ntk4j.openblas.threads";

    private static final byte JOBZ_VECTORS = 'V';
    private static final byte JOBZ_VALUES = 'N';
    private static final byte RANGE_ALL = 'A';
    private static final byte LOWER = 'L';
    private static final byte UPPER = 'U';

    /**
     * Block size of the blocked Cholesky. OpenBLAS replaces LAPACK's dpotrf with its own threaded
     * version, which collapses when the cores are shared (n = 4000 on a busy 2-core machine: 0.6 s on
     * one thread, 4-7 s on two; even its 256×256 blocks cost 15-40 ms each on two threads against
     * under 1 ms on one). So {@link #cholesky} runs the textbook right-looking blocked algorithm:
     * diagonal blocks factored in Java (n/256 blocks of 256³/3 flops, negligible), dtrsm for the panel
     * below, dsyrk for the trailing update, where the threaded level-3 BLAS does nearly all the work.
     */
    private static final int CHOLESKY_BLOCK = 256;

    private final String version;

    private OpenBlasLinearAlgebra(String version) {
        this.version = version;
    }

    /**
     * Links the native library, applies {@value #THREADS_PROPERTY} if set, and checks a tiny
     * eigenproblem and product against known answers.
     *
     * @throws UnsatisfiedLinkError if the library cannot be loaded on this platform
     * @throws IllegalStateException if the library loads but gives wrong answers
     */
    public static OpenBlasLinearAlgebra load() {
        Loader.load(openblas.class);
        String threads = System.getProperty(THREADS_PROPERTY);
        if (threads != null && !threads.isBlank()) {
            setThreads(Integer.parseInt(threads.trim()));
        }
        OpenBlasLinearAlgebra la = new OpenBlasLinearAlgebra(artifactVersion());
        la.selfCheck();
        return la;
    }

    private static String artifactVersion() {
        try {
            String v = Loader.getVersion("org.bytedeco", "openblas");
            return v == null ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Sets the number of threads OpenBLAS uses for every later call (process-wide). */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("OpenBLAS thread count must be at least 1, got " + threads);
        }
        openblas.blas_set_num_threads(threads);
    }

    @Override
    public Runnable singleThreaded() {
        int previous = threads();
        setThreads(1);
        return () -> setThreads(previous > 0 ? previous : Runtime.getRuntime().availableProcessors());
    }

    /** The thread count last set through {@link #setThreads}, or -1 if OpenBLAS chose it. */
    public static int threads() {
        return openblas.blas_get_num_threads();
    }

    /** Version of the bytedeco OpenBLAS artifact, e.g. {@code 0.3.28-1.5.11}. */
    public String version() {
        return version;
    }

    @Override
    public String name() {
        return "openblas";
    }

    /** One line for logs: version, routines and thread setting. */
    @Override
    public String toString() {
        int t = threads();
        return "native OpenBLAS " + version + " (LAPACK dsyevr/dpotrs, blocked Cholesky on dtrsm/dsyrk, dgemm, "
                + (t > 0 ? t + " threads" : "default threads") + ")";
    }

    private void selfCheck() {
        // [[2,1],[1,2]] has eigenvalues 1 and 3; a wrong ABI or a broken build shows up here.
        SymmetricEigen e = eigh(new double[] {2, 1, 1, 2}, 2);
        double[] p = multiply(false, true, 1, 1, 2, new double[] {1, 2}, new double[] {3, 4});
        if (Math.abs(e.values()[0] - 1) > 1e-12 || Math.abs(e.values()[1] - 3) > 1e-12 || p[0] != 11) {
            throw new IllegalStateException("OpenBLAS self-check failed: eigenvalues "
                    + Arrays.toString(e.values()) + ", product " + p[0]);
        }
    }

    @Override
    public SymmetricEigen eigh(double[] a, int n) {
        MatrixArgs.requireSquareFinite("eigh input", a, n);
        if (n == 0) {
            return new SymmetricEigen(0, new double[0], new double[0]);
        }
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        try (DoublePointer work = copyIn(a); // dsyevr destroys it
             DoublePointer w = new DoublePointer(n);
             DoublePointer z = new DoublePointer((long) n * n);
             IntPointer found = new IntPointer(1);
             IntPointer support = new IntPointer(2L * n)) {
            int info = LAPACKE_dsyevr(LAPACK_COL_MAJOR, JOBZ_VECTORS, RANGE_ALL, LOWER, n, work, n,
                    0, 0, 0, 0, 0.0, found, w, z, n, support);
            checkEigenInfo(info, n);
            w.get(values);
            z.get(vectors);
        }
        // Column-major eigenvectors-as-columns read as row-major are eigenvectors-as-rows: flip.
        MatrixArgs.transposeSquareInPlace(vectors, n);
        return new SymmetricEigen(n, values, vectors);
    }

    @Override
    public double[] eigenvalues(double[] a, int n) {
        MatrixArgs.requireSquareFinite("eigenvalues input", a, n);
        if (n == 0) {
            return new double[0];
        }
        double[] values = new double[n];
        try (DoublePointer work = copyIn(a);
             DoublePointer w = new DoublePointer(n);
             DoublePointer z = new DoublePointer(1);
             IntPointer found = new IntPointer(1);
             IntPointer support = new IntPointer(2L * n)) {
            int info = LAPACKE_dsyevr(LAPACK_COL_MAJOR, JOBZ_VALUES, RANGE_ALL, LOWER, n, work, n,
                    0, 0, 0, 0, 0.0, found, w, z, 1, support);
            checkEigenInfo(info, n);
            w.get(values);
        }
        return values;
    }

    private static void checkEigenInfo(int info, int n) {
        if (info < 0) {
            throw new IllegalArgumentException("LAPACKE_dsyevr rejected argument " + (-info) + " (n=" + n + ")");
        }
        if (info > 0) {
            throw new ArithmeticException("LAPACK dsyevr did not converge on a " + n + "x" + n + " matrix (info=" + info + ")");
        }
    }

    @Override
    public CholeskyFactor cholesky(double[] a, int n) {
        MatrixArgs.requireSquareFinite("cholesky input", a, n);
        if (n == 0) {
            return new NativeCholesky(0, new double[0]);
        }
        double[] factor = new double[n * n];
        int failedOrder;
        try (DoublePointer p = copyIn(a)) {
            failedOrder = blockedCholesky(p, n);
            p.get(factor);
        }
        if (failedOrder > 0) {
            throw new NotPositiveDefiniteException(n, failedOrder);
        }
        for (int i = 0; i < n; i++) {
            Arrays.fill(factor, i * n + i + 1, (i + 1) * n, 0.0);
        }
        return new NativeCholesky(n, factor);
    }

    /**
     * Overwrites the row-major lower triangle of p with L (A = L Lᵀ), block column by block column.
     * Returns 0, or (as LAPACK) the 1-based order of the first leading minor found not positive.
     */
    private static int blockedCholesky(DoublePointer p, int n) {
        double[] block = new double[CHOLESKY_BLOCK * CHOLESKY_BLOCK];
        for (int k = 0; k < n; k += CHOLESKY_BLOCK) {
            int kb = Math.min(CHOLESKY_BLOCK, n - k);
            for (int i = 0; i < kb; i++) {
                p.position((long) (k + i) * n + k).get(block, i * kb, i + 1);
            }
            p.position(0);
            int failed = choleskyInPlace(block, kb);
            if (failed > 0) {
                return k + failed;
            }
            for (int i = 0; i < kb; i++) {
                p.position((long) (k + i) * n + k).put(block, i * kb, i + 1);
            }
            p.position(0);
            int rest = n - k - kb;
            if (rest > 0) {
                DoublePointer diagonal = p.getPointer((long) k * n + k);
                DoublePointer panel = p.getPointer((long) (k + kb) * n + k);
                // L21 = A21 L11⁻ᵀ, then A22 -= L21 L21ᵀ (lower triangle only)
                cblas_dtrsm(CblasRowMajor, CblasRight, CblasLower, CblasTrans, CblasNonUnit, rest, kb,
                        1.0, diagonal, n, panel, n);
                cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, rest, kb, -1.0, panel, n,
                        1.0, p.getPointer((long) (k + kb) * n + k + kb), n);
            }
        }
        return 0;
    }

    /** Unblocked Cholesky of the lower triangle of a small row-major m×m block; 0 or the failed order. */
    private static int choleskyInPlace(double[] b, int m) {
        for (int j = 0; j < m; j++) {
            double s = b[j * m + j];
            for (int l = 0; l < j; l++) {
                s -= b[j * m + l] * b[j * m + l];
            }
            if (!(s > 0)) {
                return j + 1;
            }
            double d = Math.sqrt(s);
            b[j * m + j] = d;
            for (int i = j + 1; i < m; i++) {
                double t = b[i * m + j];
                for (int l = 0; l < j; l++) {
                    t -= b[i * m + l] * b[j * m + l];
                }
                b[i * m + j] = t / d;
            }
        }
        return 0;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, double[] a, double[] b, double beta, double[] c) {
        MatrixArgs.requireGemmShapes(transA, transB, m, n, k, a, b, c);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) { // BLAS would reject the zero leading dimension; the product is empty
            if (beta == 0) {
                Arrays.fill(c, 0.0);
            } else if (beta != 1) {
                for (int i = 0; i < c.length; i++) {
                    c[i] *= beta;
                }
            }
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        try (DoublePointer pa = copyIn(a);
             DoublePointer pb = b == a ? null : copyIn(b);
             DoublePointer pc = beta == 0 ? new DoublePointer(c.length) : copyIn(c)) { // BLAS ignores C when beta = 0
            cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    m, n, k, alpha, pa, lda, pb == null ? pa : pb, ldb, beta, pc, n);
            pc.get(c);
        }
    }

    private static DoublePointer copyIn(double[] a) {
        DoublePointer p = new DoublePointer(a.length);
        p.put(a);
        return p;
    }

    /** Holds L in the row-major lower triangle, which is column-major U for dpotrs. */
    private static final class NativeCholesky implements CholeskyFactor {
        private final int n;
        private final double[] factor;

        NativeCholesky(int n, double[] factor) {
            this.n = n;
            this.factor = factor;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public double[] diagonal() {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = factor[i * n + i];
            }
            return d;
        }

        @Override
        public double[] lower() {
            return factor.clone();
        }

        @Override
        public double[] solve(double[] b, int nrhs) {
            MatrixArgs.requireLength("right-hand sides (n x nrhs)", b, n, nrhs);
            if (n == 0 || nrhs == 0) {
                return new double[b.length];
            }
            // dpotrs wants B column-major: the transpose of our row-major n×nrhs block.
            double[] bt = nrhs == 1 ? b.clone() : MatrixArgs.transpose(b, n, nrhs);
            int info;
            try (DoublePointer pf = copyIn(factor); DoublePointer pb = copyIn(bt)) {
                info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, UPPER, n, nrhs, pf, n, pb, n);
                pb.get(bt);
            }
            if (info != 0) {
                throw new IllegalArgumentException("LAPACKE_dpotrs rejected argument " + (-info) + " (n=" + n + ")");
            }
            return nrhs == 1 ? bt : MatrixArgs.transpose(bt, nrhs, n);
        }
    }
}
