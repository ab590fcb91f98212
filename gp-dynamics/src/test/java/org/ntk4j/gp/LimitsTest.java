package org.ntk4j.gp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Limits and invariants of the gradient-flow GP that hold whatever the kernels. */
class LimitsTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final SyntheticKernels k = new SyntheticKernels(5, 30, 11, 2, 90);

    @ParameterizedTest
    @EnumSource(TrainedKernel.class)
    void atTimeZeroTheMeanIsZeroAndTheCovarianceIsTheNngp(TrainedKernel kernel) {
        Gaussian g = k.gp(GradientFlowOptions.defaults().withKernel(kernel).withDiagReg(0.1)).predict(new double[] {0}).at(0);
        assertThat(g.mean().data()).containsOnly(0.0);
        assertThat(g.covariance().data()).containsExactly(k.nngpTest.data());
    }

    @Test
    void theNngpAtInfinityIsTheBayesianPosterior() {
        for (double diagReg : new double[] {0, 0.25}) {
            GradientFlowGP gp = k.gp(GradientFlowOptions.defaults().withKernel(TrainedKernel.NNGP).withDiagReg(diagReg));
            Gaussian posterior = gp.posterior();

            // the posterior itself, written out: K*X (K + rI)⁻¹ Y and K** − K*X (K + rI)⁻¹ KX*
            int n = k.n, m = k.m;
            double[] inv = DenseReference.inverse(DenseReference.plusDiagonal(k.nngpTrain.data(), n, diagReg), n);
            double[] a = DenseReference.mul(k.nngpTestTrain.data(), inv, m, n, n);
            double[] mean = DenseReference.mul(a, k.y.data(), m, n, k.y.cols());
            double[] reduction = DenseReference.mul(a, DenseReference.transpose(k.nngpTestTrain.data(), m, n), m, n, m);
            double[] cov = k.nngpTest.data().clone();
            for (int i = 0; i < cov.length; i++) {
                cov[i] -= reduction[i];
            }
            assertThat(DenseReference.relativeError(posterior.mean().data(), mean)).isLessThan(1e-10);
            assertThat(DenseReference.relativeError(posterior.covariance().data(), cov)).isLessThan(1e-10);

            // t = ∞ by the Cholesky path, and a long finite time by the eigenbasis path, reach it
            double lambdaMin = gp.trainKernelEigenvalues()[0];
            GpTrajectory late = gp.predict(new double[] {INF, 60 / lambdaMin});
            for (int t = 0; t < 2; t++) {
                assertThat(DenseReference.relativeError(late.at(t).mean().data(), mean)).isLessThan(1e-9);
                assertThat(DenseReference.relativeError(late.at(t).covariance().data(), cov)).isLessThan(1e-9);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TrainedKernel.class)
    void onTheTrainingSetTheMeanMovesFromZeroToTheTargets(TrainedKernel kernel) {
        GradientFlowGP gp = k.gp(GradientFlowOptions.defaults().withKernel(kernel));
        double lambdaMin = gp.trainKernelEigenvalues()[0];
        GpTrajectory train = gp.predictTrain(new double[] {0, 1 / lambdaMin, 60 / lambdaMin, INF});
        double[] y = k.y.data();

        assertThat(train.at(0).mean().data()).containsOnly(0.0);
        assertThat(train.at(0).covariance().data()).containsExactly(k.nngpTrain.data());
        double halfway = DenseReference.relativeError(train.at(1).mean().data(), y);
        assertThat(halfway).isBetween(1e-3, 1.0);
        assertThat(DenseReference.relativeError(train.at(2).mean().data(), y)).isLessThan(1e-9);
        assertThat(DenseReference.relativeError(train.at(3).mean().data(), y)).isLessThan(1e-10);
        // A converged network interpolates: its outputs on the training set no longer vary.
        double priorScale = Matrices.maxAbs(k.nngpTrain.data());
        assertThat(Matrices.maxAbs(train.at(3).covariance().data())).isLessThan(1e-9 * priorScale);
    }

    @ParameterizedTest
    @EnumSource(TrainedKernel.class)
    void theMeanLossIsTheSumLossWithTimeDividedByPointsTimesOutputs(TrainedKernel kernel) {
        double scale = k.n * k.y.cols();
        GradientFlowOptions sum = GradientFlowOptions.defaults().withKernel(kernel).withDiagReg(0.05);
        GpTrajectory a = k.gp(sum).predict(new double[] {0.3, 2.0});
        GpTrajectory b = k.gp(sum.withLoss(Loss.MEAN)).predict(new double[] {0.3 * scale, 2.0 * scale});
        GpTrajectory c = k.gp(sum.withLearningRate(4)).predict(new double[] {0.3 / 4, 2.0 / 4});
        for (int t = 0; t < 2; t++) {
            assertThat(DenseReference.relativeError(b.at(t).mean().data(), a.at(t).mean().data())).isLessThan(1e-12);
            assertThat(DenseReference.relativeError(b.at(t).covariance().data(), a.at(t).covariance().data())).isLessThan(1e-12);
            assertThat(DenseReference.relativeError(c.at(t).mean().data(), a.at(t).mean().data())).isLessThan(1e-12);
            assertThat(DenseReference.relativeError(c.at(t).covariance().data(), a.at(t).covariance().data())).isLessThan(1e-12);
        }
    }

    @ParameterizedTest
    @EnumSource(TrainedKernel.class)
    void covariancesAreExactlySymmetricAndPositiveSemiDefiniteToRoundOff(TrainedKernel kernel) {
        double[] times = {0, 0.01, 0.5, 7, 1e3, INF};
        GpTrajectory r = k.gp(GradientFlowOptions.defaults().withKernel(kernel)).predict(times);
        double[] smallest = r.smallestCovarianceEigenvalues();
        for (int t = 0; t < times.length; t++) {
            DenseMatrix cov = r.at(t).covariance();
            for (int i = 0; i < k.m; i++) {
                for (int j = 0; j < k.m; j++) {
                    assertThat(cov.get(i, j)).isEqualTo(cov.get(j, i));
                }
            }
            assertThat(smallest[t]).as("t=%s", times[t]).isGreaterThan(-1e-10 * Matrices.maxAbs(cov.data()));
        }
        // the variance can only shrink as the network learns the training set, for the NNGP
        if (kernel == TrainedKernel.NNGP) {
            for (int i = 0; i < k.m; i++) {
                for (int t = 1; t < times.length; t++) {
                    assertThat(r.at(t).covariance().get(i, i)).isLessThanOrEqualTo(r.at(t - 1).covariance().get(i, i) + 1e-12);
                }
            }
        }
    }

    @Test
    void repeatedTimesAndUnsortedTimesComeBackInTheOrderAsked() {
        GradientFlowGP gp = k.gp(GradientFlowOptions.defaults());
        GpTrajectory r = gp.predict(new double[] {INF, 2, 0, 2, INF});
        assertThat(r.times()).containsExactly(INF, 2, 0, 2, INF);
        assertThat(r.at(1).mean()).isEqualTo(r.at(3).mean());
        assertThat(r.at(0).covariance()).isEqualTo(r.at(4).covariance());
        double[][][] means = r.means();
        assertThat(means.length).isEqualTo(5);
        assertThat(means[1].length).isEqualTo(k.m);
        assertThat(means[1][0].length).isEqualTo(2);
        assertThat(r.covariances()[2][3]).containsExactly(k.nngpTest.toRows()[3]);
    }

    @Test
    void maxLearningRateIsTwoOverTheLargestEigenvalueScaledByMomentumAndLoss() {
        double lambdaMax = largestEigenvalue(k.ntkTrain.data(), k.n);
        GradientFlowGP gp = k.gp(GradientFlowOptions.defaults());
        assertThat(gp.maxLearningRate(0)).isCloseTo(2 / lambdaMax, org.assertj.core.data.Percentage.withPercentage(1e-8));
        assertThat(gp.maxLearningRate(0.9)).isCloseTo(3.8 / lambdaMax, org.assertj.core.data.Percentage.withPercentage(1e-8));
        GradientFlowGP mean = k.gp(GradientFlowOptions.defaults().withLoss(Loss.MEAN));
        assertThat(mean.maxLearningRate(0)).isCloseTo(2.0 * k.n * 2 / lambdaMax, org.assertj.core.data.Percentage.withPercentage(1e-8));

        double nngpMax = largestEigenvalue(DenseReference.plusDiagonal(k.nngpTrain.data(), k.n, 0.5), k.n);
        GradientFlowGP nngp = k.gp(GradientFlowOptions.defaults().withKernel(TrainedKernel.NNGP).withDiagReg(0.5));
        assertThat(nngp.maxLearningRate(0)).isCloseTo(2 / nngpMax, org.assertj.core.data.Percentage.withPercentage(1e-8));
        nngp.predict(new double[] {1}); // now from the cached eigendecomposition: the same answer
        assertThat(nngp.maxLearningRate(0)).isCloseTo(2 / nngpMax, org.assertj.core.data.Percentage.withPercentage(1e-8));
    }

    /** Power iteration, independent of any eigensolver; the kernels' top eigenvalue is well separated. */
    private static double largestEigenvalue(double[] a, int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        double lambda = 0;
        for (int it = 0; it < 5000; it++) {
            double[] w = DenseReference.mul(a, v, n, n, 1);
            double norm = Math.sqrt(java.util.Arrays.stream(w).map(x -> x * x).sum());
            double next = 0;
            for (int i = 0; i < n; i++) {
                next += v[i] * w[i];
                v[i] = w[i] / norm;
            }
            if (Math.abs(next - lambda) < 1e-15 * Math.abs(next)) {
                return next;
            }
            lambda = next;
        }
        return lambda;
    }
}
