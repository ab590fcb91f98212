package org.ntk4j.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link LinearAlgebra} back-end must meet (after EJML's abstract
 * {@code GenericCholeskyTests_DDRM}): each back-end subclasses this test and supplies itself.
 */
abstract class LinearAlgebraContractTest {

    protected abstract LinearAlgebra backend();

    // ---- symmetric eigendecomposition ----

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 33, 100, 201})
    void eighReconstructsRandomSymmetricMatricesWithOrthonormalAscendingEigenvectors(int n) {
        double[] a = Matrices.randomSymmetric(new Random(n), n);
        double[] copy = a.clone();
        SymmetricEigen e = backend().eigh(a, n);

        assertThat(a).as("input untouched").containsExactly(copy);
        for (int i = 1; i < n; i++) {
            assertThat(e.values()[i]).isGreaterThanOrEqualTo(e.values()[i - 1]);
        }
        assertThat(Matrices.relativeError(Matrices.reconstruct(e), a)).isLessThan(1e-12 * Math.max(1, n / 10.0));
        double[] vtv = Matrices.naiveProduct(true, false, n, n, n, e.vectors(), e.vectors());
        assertThat(Matrices.maxAbsDiff(vtv, Matrices.identity(n))).isLessThan(1e-12 * Math.max(1, n / 10.0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 64, 99})
    void eighSolvesTheSecondDifferenceMatrixExactly(int n) {
        // tridiag(-1, 2, -1): λ_k = 2 - 2cos(kπ/(n+1)), v_k(j) ∝ sin(jkπ/(n+1)), k, j = 1..n
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 2;
            if (i + 1 < n) {
                a[i * n + i + 1] = -1;
                a[(i + 1) * n + i] = -1;
            }
        }
        SymmetricEigen e = backend().eigh(a, n);
        for (int k = 1; k <= n; k++) {
            double expected = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
            assertThat(e.values()[k - 1]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-13));
            double norm = Math.sqrt((n + 1) / 2.0);
            double dot = 0; // |<v, exact>| must be 1: same vector up to sign
            for (int j = 1; j <= n; j++) {
                dot += e.vectors()[(j - 1) * n + (k - 1)] * Math.sin(j * k * Math.PI / (n + 1)) / norm;
            }
            assertThat(Math.abs(dot)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void eighHandlesRepeatedAndNegativeEigenvalues() {
        int n = 6;
        double[] a = new double[n * n];
        double[] diag = {3, -1, 3, 0, -1, 3};
        for (int i = 0; i < n; i++) {
            a[i * n + i] = diag[i];
        }
        SymmetricEigen e = backend().eigh(a, n);
        assertThat(e.values()).containsExactly(-1, -1, 0, 3, 3, 3);
        assertThat(Matrices.maxAbsDiff(Matrices.reconstruct(e), a)).isLessThan(1e-14);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 45})
    void eigenvaluesAloneMatchTheFullDecomposition(int n) {
        double[] a = Matrices.randomSymmetric(new Random(100 + n), n);
        double[] values = backend().eigenvalues(a, n);
        assertThat(Matrices.maxAbsDiff(values, backend().eigh(a, n).values()))
                .isLessThan(1e-12 * Matrices.maxAbs(values));
    }

    @Test
    void eighOfAnEmptyMatrixIsEmpty() {
        SymmetricEigen e = backend().eigh(new double[0], 0);
        assertThat(e.values()).isEmpty();
        assertThat(e.vectors()).isEmpty();
    }

    @Test
    void eighRejectsNonFiniteEntriesAndWrongLengths() {
        assertThatThrownBy(() -> backend().eigh(new double[] {1, Double.NaN, Double.NaN, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> backend().eigh(new double[5], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2");
    }

    // ---- Cholesky ----

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17, 64, 129})
    void choleskyFactorsRandomSpdMatricesAndSolvesManyRightHandSides(int n) {
        Random rnd = new Random(7 * n);
        double[] a = Matrices.randomSpd(rnd, n, 0.1);
        double[] copy = a.clone();
        CholeskyFactor f = backend().cholesky(a, n);
        assertThat(a).as("input untouched").containsExactly(copy);
        assertThat(f.size()).isEqualTo(n);

        double[] l = f.lower();
        for (int i = 0; i < n; i++) {
            assertThat(l[i * n + i]).isPositive();
            for (int j = i + 1; j < n; j++) {
                assertThat(l[i * n + j]).isZero();
            }
        }
        assertThat(Matrices.relativeError(Matrices.naiveProduct(false, true, n, n, n, l, l), a)).isLessThan(1e-13);

        for (int nrhs : new int[] {1, 3, 5}) {
            double[] x0 = Matrices.gaussian(rnd, n, nrhs);
            double[] b = Matrices.naiveProduct(false, false, n, nrhs, n, a, x0);
            double[] bCopy = b.clone();
            double[] x = f.solve(b, nrhs);
            assertThat(b).containsExactly(bCopy);
            assertThat(Matrices.relativeError(x, x0)).as("nrhs=%d", nrhs).isLessThan(1e-11);
        }
    }

    @Test
    void choleskyReportsAnIndefiniteMatrix() {
        double[] a = {2, 0, 0, 0, 1, 3, 0, 3, 1}; // lower-right block has eigenvalues 4 and -2
        assertThatThrownBy(() -> backend().cholesky(a, 3))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("3x3 matrix is not positive definite")
                .satisfies(e -> assertThat(((NotPositiveDefiniteException) e).size()).isEqualTo(3));
    }

    @Test
    void choleskyReportsASingularMatrixSuchAsADuplicatedTrainingPoint() {
        // Gram matrix of points 1, 2, 2 (the last two coincide): rank 2, positive semi-definite
        double[] a = {1, 2, 2, 2, 4, 4, 2, 4, 4};
        assertThatThrownBy(() -> backend().cholesky(a, 3)).isInstanceOf(NotPositiveDefiniteException.class);
        assertThatThrownBy(() -> backend().cholesky(new double[4], 2)).isInstanceOf(NotPositiveDefiniteException.class);
    }

    @Test
    void choleskySolveRejectsWrongRightHandSideLength() {
        CholeskyFactor f = backend().cholesky(new double[] {4, 0, 0, 9}, 2);
        assertThat(f.solve(new double[] {8, 9}, 1)).containsExactly(2, 1);
        assertThatThrownBy(() -> f.solve(new double[3], 1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- GEMM ----

    @ParameterizedTest
    @ValueSource(strings = {"NN", "TN", "NT", "TT"})
    void gemmMatchesTheTextbookProductForEveryTransposeAndOddSizes(String ops) {
        boolean tA = ops.charAt(0) == 'T';
        boolean tB = ops.charAt(1) == 'T';
        Random rnd = new Random(ops.hashCode());
        int[][] sizes = {{1, 1, 1}, {7, 5, 3}, {3, 8, 11}, {65, 33, 17}, {130, 71, 90}};
        for (int[] s : sizes) {
            int m = s[0], n = s[1], k = s[2];
            double[] a = Matrices.gaussian(rnd, m, k); // same length stored either way
            double[] b = Matrices.gaussian(rnd, k, n);
            double[] c0 = Matrices.gaussian(rnd, m, n);
            double[] ab = Matrices.naiveProduct(tA, tB, m, n, k, a, b);
            double alpha = 0.75, beta = -1.5;
            double[] expected = new double[m * n];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = alpha * ab[i] + beta * c0[i];
            }
            double[] c = c0.clone();
            backend().gemm(tA, tB, m, n, k, alpha, a, b, beta, c);
            assertThat(Matrices.relativeError(c, expected)).as("%s %dx%dx%d", ops, m, n, k).isLessThan(1e-13);

            double[] plain = backend().multiply(tA, tB, m, n, k, a, b);
            assertThat(Matrices.relativeError(plain, ab)).isLessThan(1e-13);
        }
    }

    @Test
    void gemmWithBetaZeroIgnoresWhateverWasInC() {
        double[] c = {Double.NaN, Double.POSITIVE_INFINITY, 5, Double.NaN};
        backend().gemm(false, false, 2, 2, 2, 2.0, new double[] {1, 2, 3, 4}, new double[] {1, 0, 0, 1}, 0.0, c);
        assertThat(c).containsExactly(2, 4, 6, 8);
    }

    @Test
    void gemmWithAnEmptyInnerDimensionOnlyScalesC() {
        double[] c = {1, 2, 3};
        backend().gemm(false, false, 3, 1, 0, 1.0, new double[0], new double[0], 2.0, c);
        assertThat(c).containsExactly(2, 4, 6);
        backend().gemm(true, true, 3, 1, 0, 1.0, new double[0], new double[0], 0.0, c);
        assertThat(c).containsExactly(0, 0, 0);
    }

    @Test
    void gemmRejectsArraysOfTheWrongShape() {
        assertThatThrownBy(() -> backend().gemm(false, false, 2, 2, 3, 1, new double[5], new double[6], 0, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A (m x k)");
        assertThatThrownBy(() -> backend().gemm(false, true, 2, 2, 3, 1, new double[6], new double[6], 0, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C (m x n)");
    }
}
