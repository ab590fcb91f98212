package org.ntk4j.engine.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Pure-Java back-end on EJML's row-major dense matrices. Always available; the fallback when the
 * native libraries cannot be loaded. Arrays are wrapped, not copied, wherever EJML leaves them alone.
 */
public final class EjmlLinearAlgebra implements LinearAlgebra {

    /** Below this many multiply-adds the fork/join overhead of EJML's concurrent GEMM is not worth it. */
    private static final long CONCURRENT_GEMM_FLOPS = 64L * 64 * 64;

    @Override
    public String name() {
        return "ejml";
    }

    @Override
    public SymmetricEigen eigh(double[] a, int n) {
        MatrixArgs.requireSquareFinite("eigh input", a, n);
        if (n == 0) {
            return new SymmetricEigen(0, new double[0], new double[0]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(n, n, a.clone()))) {
            throw new ArithmeticException("EJML symmetric eigendecomposition of a " + n + "x" + n
                    + " matrix did not converge");
        }
        // EJML returns eigenpairs unordered; sort them ascending as LAPACK does.
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> eig.getEigenvalue(i).real));
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        for (int col = 0; col < n; col++) {
            int src = order[col];
            values[col] = eig.getEigenvalue(src).real;
            double[] v = eig.getEigenVector(src).data;
            for (int row = 0; row < n; row++) {
                vectors[row * n + col] = v[row];
            }
        }
        return new SymmetricEigen(n, values, vectors);
    }

    @Override
    public double[] eigenvalues(double[] a, int n) {
        MatrixArgs.requireSquareFinite("eigenvalues input", a, n);
        if (n == 0) {
            return new double[0];
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(DMatrixRMaj.wrap(n, n, a.clone()))) {
            throw new ArithmeticException("EJML symmetric eigenvalues of a " + n + "x" + n + " matrix did not converge");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        return values;
    }

    @Override
    public CholeskyFactor cholesky(double[] a, int n) {
        MatrixArgs.requireSquareFinite("cholesky input", a, n);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
        if (n > 0 && !solver.setA(DMatrixRMaj.wrap(n, n, a.clone()))) {
            throw new NotPositiveDefiniteException(n, 0);
        }
        return new EjmlCholesky(n, solver);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, double[] a, double[] b, double beta, double[] c) {
        MatrixArgs.requireGemmShapes(transA, transB, m, n, k, a, b, c);
        if (c == a || c == b) {
            throw new IllegalArgumentException("gemm output C must not share storage with A or B");
        }
        if (m == 0 || n == 0) {
            return;
        }
        DMatrixRMaj cm = DMatrixRMaj.wrap(m, n, c);
        if (k == 0 || alpha == 0) {
            scaleOrClear(beta, cm);
            return;
        }
        DMatrixRMaj am = transA ? DMatrixRMaj.wrap(k, m, a) : DMatrixRMaj.wrap(m, k, a);
        DMatrixRMaj bm = transB ? DMatrixRMaj.wrap(n, k, b) : DMatrixRMaj.wrap(k, n, b);
        boolean concurrent = (long) m * n * k >= CONCURRENT_GEMM_FLOPS;
        if (beta == 0) {
            multiply(transA, transB, concurrent, alpha, am, bm, cm);
        } else {
            if (beta != 1) {
                CommonOps_DDRM.scale(beta, cm);
            }
            multiplyAdd(transA, transB, concurrent, alpha, am, bm, cm);
        }
    }

    private static void scaleOrClear(double beta, DMatrixRMaj c) {
        if (beta == 0) {
            Arrays.fill(c.data, 0, c.getNumElements(), 0.0);
        } else if (beta != 1) {
            CommonOps_DDRM.scale(beta, c);
        }
    }

    private static void multiply(boolean tA, boolean tB, boolean mt, double alpha,
                                 DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (mt) {
            if (tA && tB) CommonOps_MT_DDRM.multTransAB(alpha, a, b, c);
            else if (tA) CommonOps_MT_DDRM.multTransA(alpha, a, b, c);
            else if (tB) CommonOps_MT_DDRM.multTransB(alpha, a, b, c);
            else CommonOps_MT_DDRM.mult(alpha, a, b, c);
        } else {
            if (tA && tB) CommonOps_DDRM.multTransAB(alpha, a, b, c);
            else if (tA) CommonOps_DDRM.multTransA(alpha, a, b, c);
            else if (tB) CommonOps_DDRM.multTransB(alpha, a, b, c);
            else CommonOps_DDRM.mult(alpha, a, b, c);
        }
    }

    private static void multiplyAdd(boolean tA, boolean tB, boolean mt, double alpha,
                                    DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (mt) {
            if (tA && tB) CommonOps_MT_DDRM.multAddTransAB(alpha, a, b, c);
            else if (tA) CommonOps_MT_DDRM.multAddTransA(alpha, a, b, c);
            else if (tB) CommonOps_MT_DDRM.multAddTransB(alpha, a, b, c);
            else CommonOps_MT_DDRM.multAdd(alpha, a, b, c);
        } else {
            if (tA && tB) CommonOps_DDRM.multAddTransAB(alpha, a, b, c);
            else if (tA) CommonOps_DDRM.multAddTransA(alpha, a, b, c);
            else if (tB) CommonOps_DDRM.multAddTransB(alpha, a, b, c);
            else CommonOps_DDRM.multAdd(alpha, a, b, c);
        }
    }

    /** EJML's solver is stateful, so solves on one factor are serialised. */
    private static final class EjmlCholesky implements CholeskyFactor {
        private final int n;
        private final LinearSolverDense<DMatrixRMaj> solver;

        EjmlCholesky(int n, LinearSolverDense<DMatrixRMaj> solver) {
            this.n = n;
            this.solver = solver;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public synchronized double[] lower() {
            if (n == 0) {
                return new double[0];
            }
            CholeskyDecomposition_F64<DMatrixRMaj> d = solver.getDecomposition();
            double[] l = d.getT(null).data.clone();
            for (int i = 0; i < n; i++) {
                Arrays.fill(l, i * n + i + 1, (i + 1) * n, 0.0);
            }
            return l;
        }

        @Override
        public synchronized double[] solve(double[] b, int nrhs) {
            MatrixArgs.requireLength("right-hand sides (n x nrhs)", b, n, nrhs);
            double[] x = new double[b.length];
            if (n == 0 || nrhs == 0) {
                return x;
            }
            solver.solve(DMatrixRMaj.wrap(n, nrhs, b.clone()), DMatrixRMaj.wrap(n, nrhs, x));
            return x;
        }
    }
}
