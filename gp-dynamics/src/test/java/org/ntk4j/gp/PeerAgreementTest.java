package org.ntk4j.gp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ntk4j.engine.linalg.LinearAlgebras;

/**
 * Agreement with the numpy peer ({@code /work/shared/bench/peer_numpy.py predict}) on a depth-3 MLP,
 * 16 training and 6 test points in 5 dimensions. The kernels the peer computed and its mean.npy /
 * cov.npy at times 0, 1, 10, inf are stored under {@code resources/org/ntk4j/gp/peer/<act>/}, made
 * by {@code make_peer_data.py} there (relu: w 1.414, b 0.1, 2 outputs; tanh: w 1.2, b 0.05, 1 output).
 * The same inputs also go through {@link DenseReference}, the formulas written out literally.
 *
 * <p>The peer's tanh kernels (Gauss–Hermite of degree 25, one axis looped) are not symmetric: entries
 * (i, j) and (j, i) differ by up to 1e-3 relative. To compare the GP algebra rather than that
 * quadrature, the inputs are made symmetric the way the peer itself used them: Θ(X,X) from its lower
 * triangle (what {@code scipy.linalg.eigh} reads), K(X,X) and K(x*,x*) by averaging, and the peer's
 * covariance is compared after averaging with its transpose (averaged, it depends on K(X,X) and
 * K(x*,x*) only through their symmetric parts). The ReLU kernels are exactly
 * symmetric, so for them this changes nothing.
 */
class PeerAgreementTest {
    private static final double[] TIMES = {0, 1, 10, Double.POSITIVE_INFINITY};

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"relu, java", "relu, native", "tanh, java", "tanh, native"})
    void meansAndCovariancesMatchThePeerAndTheLiteralFormulas(String activation, String backend) {
        String dir = "/org/ntk4j/gp/peer/" + activation + "/";
        DenseMatrix ntk = lowerMirrored(NpyResource.load(dir + "ntk_train.npy").matrix());
        DenseMatrix nngp = averaged(NpyResource.load(dir + "nngp_train.npy").matrix());
        DenseMatrix ntkTestTrain = NpyResource.load(dir + "ntk_test_train.npy").matrix();
        DenseMatrix nngpTestTrain = NpyResource.load(dir + "nngp_test_train.npy").matrix();
        DenseMatrix nngpTest = averaged(NpyResource.load(dir + "nngp_test.npy").matrix());
        DenseMatrix y = NpyResource.load(dir + "y_train.npy").matrix();
        NpyResource peerMean = NpyResource.load(dir + "mean.npy");
        NpyResource peerCov = NpyResource.load(dir + "cov.npy");

        GradientFlowGP gp = GradientFlowGP.builder().ntkTrain(ntk).nngpTrain(nngp).targets(y)
                .test(ntkTestTrain, nngpTestTrain, nngpTest)
                .options(GradientFlowOptions.defaults().withLinearAlgebra(LinearAlgebras.select(backend).backend()))
                .build();
        GpTrajectory result = gp.predict(TIMES);

        int n = ntk.rows(), m = nngpTest.rows(), o = y.cols();
        for (int t = 0; t < TIMES.length; t++) {
            Gaussian g = result.at(t);
            assertThat(DenseReference.relativeError(g.mean().data(), peerMean.slice(t).data()))
                    .as("mean at t=%s", TIMES[t]).isLessThan(1e-8);
            assertThat(DenseReference.relativeError(g.covariance().data(), averaged(peerCov.slice(t)).data()))
                    .as("cov at t=%s", TIMES[t]).isLessThan(1e-8);

            DenseReference.Result ref = DenseReference.predict(ntk.data(), nngp.data(), ntkTestTrain.data(),
                    nngpTestTrain.data(), nngpTest.data(), y.data(), n, m, o, TIMES[t]);
            assertThat(DenseReference.relativeError(g.mean().data(), ref.mean())).isLessThan(1e-9);
            assertThat(DenseReference.relativeError(g.covariance().data(), ref.cov())).isLessThan(1e-9);
            assertThat(g.smallestCovarianceEigenvalue()).isGreaterThan(-1e-12);
        }
    }

    private static DenseMatrix lowerMirrored(DenseMatrix a) {
        int n = a.rows();
        double[] out = a.data().clone();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[i * n + j] = out[j * n + i];
            }
        }
        return new DenseMatrix(n, n, out);
    }

    private static DenseMatrix averaged(DenseMatrix a) {
        int n = a.rows();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = 0.5 * (a.get(i, j) + a.get(j, i));
            }
        }
        return new DenseMatrix(n, n, out);
    }
}
