package org.ntk4j.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The native and pure-Java back-ends give the same answers to 1e-10 relative on the same inputs. */
class BackendAgreementTest {
    private static final LinearAlgebra JAVA = LinearAlgebras.select("java").backend();
    private static final LinearAlgebra NATIVE = LinearAlgebras.select("native").backend();
    private static final double TOLERANCE = 1e-10;

    @ParameterizedTest
    @ValueSource(ints = {2, 31, 150})
    void eigendecompositionsAgree(int n) {
        double[] a = Matrices.randomSymmetric(new Random(n), n);
        SymmetricEigen j = JAVA.eigh(a, n);
        SymmetricEigen c = NATIVE.eigh(a, n);
        assertThat(Matrices.relativeError(j.values(), c.values())).isLessThan(TOLERANCE);
        // Random eigenvalues are distinct, so each eigenvector is unique up to sign: |Vjᵀ Vc| = I.
        double[] overlap = Matrices.naiveProduct(true, false, n, n, n, j.vectors(), c.vectors());
        for (int i = 0; i < overlap.length; i++) {
            overlap[i] = Math.abs(overlap[i]);
        }
        assertThat(Matrices.maxAbsDiff(overlap, Matrices.identity(n))).isLessThan(TOLERANCE * n);
        assertThat(Matrices.relativeError(JAVA.eigenvalues(a, n), NATIVE.eigenvalues(a, n))).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 37, 200})
    void choleskyFactorsAndSolvesAgree(int n) {
        Random rnd = new Random(3 * n);
        double[] a = Matrices.randomSpd(rnd, n, 0.01);
        double[] b = Matrices.gaussian(rnd, n, 4);
        CholeskyFactor j = JAVA.cholesky(a, n);
        CholeskyFactor c = NATIVE.cholesky(a, n);
        assertThat(Matrices.relativeError(j.lower(), c.lower())).isLessThan(TOLERANCE);
        assertThat(Matrices.relativeError(j.solve(b, 4), c.solve(b, 4))).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NN", "TN", "NT", "TT"})
    void productsAgree(String ops) {
        boolean tA = ops.charAt(0) == 'T';
        boolean tB = ops.charAt(1) == 'T';
        Random rnd = new Random(ops.hashCode());
        int m = 257, n = 129, k = 301;
        double[] a = Matrices.gaussian(rnd, m, k);
        double[] b = Matrices.gaussian(rnd, k, n);
        double[] cj = Matrices.gaussian(rnd, m, n);
        double[] cn = cj.clone();
        JAVA.gemm(tA, tB, m, n, k, 1.25, a, b, 0.5, cj);
        NATIVE.gemm(tA, tB, m, n, k, 1.25, a, b, 0.5, cn);
        assertThat(Matrices.relativeError(cj, cn)).isLessThan(TOLERANCE);
    }
}
