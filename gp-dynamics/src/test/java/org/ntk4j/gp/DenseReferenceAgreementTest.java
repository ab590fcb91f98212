package org.ntk4j.gp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ntk4j.engine.linalg.LinearAlgebras;

/**
 * Every option against the literal formulas of {@link DenseReference}: both kernels, both losses,
 * diagReg, a learning rate other than 1 and several outputs, on synthetic but jointly valid kernels.
 */
class DenseReferenceAgreementTest {
    private static final double[] TIMES = {0, 0.05, 0.7, 3, 40, Double.POSITIVE_INFINITY};

    @ParameterizedTest(name = "{0} {1} diagReg={2} eta={3} on {4}")
    @CsvSource({
        "NTK,  SUM,  0,   1,   native",
        "NTK,  MEAN, 0.3, 0.5, native",
        "NNGP, SUM,  0,   1,   native",
        "NNGP, MEAN, 0.3, 2,   native",
        "NTK,  SUM,  0.1, 1.5, java",
        "NNGP, SUM,  0.2, 1,   java"})
    void predictionsFollowTheFormulasLiterally(TrainedKernel kernel, Loss loss, double diagReg, double eta, String backend) {
        SyntheticKernels k = new SyntheticKernels(41, 25, 9, 3, 80);
        GradientFlowOptions options = GradientFlowOptions.defaults().withKernel(kernel).withLoss(loss)
                .withDiagReg(diagReg).withLearningRate(eta)
                .withLinearAlgebra(LinearAlgebras.select(backend).backend());
        GpTrajectory result = k.gp(options).predict(TIMES);

        int n = k.n, m = k.m, o = k.y.cols();
        boolean ntk = kernel == TrainedKernel.NTK;
        double[] dynamics = DenseReference.plusDiagonal((ntk ? k.ntkTrain : k.nngpTrain).data(), n, diagReg);
        double[] middle = ntk ? k.nngpTrain.data() : dynamics;
        double[] dynTestTrain = (ntk ? k.ntkTestTrain : k.nngpTestTrain).data();
        double timeScale = eta / (loss == Loss.MEAN ? n * o : 1);
        for (int t = 0; t < TIMES.length; t++) {
            DenseReference.Result ref = DenseReference.predict(dynamics, middle, dynTestTrain, k.nngpTestTrain.data(),
                    k.nngpTest.data(), k.y.data(), n, m, o, TIMES[t] * timeScale);
            Gaussian g = result.at(t);
            assertThat(DenseReference.relativeError(g.mean().data(), ref.mean())).as("mean t=%s", TIMES[t]).isLessThan(1e-9);
            assertThat(DenseReference.relativeError(g.covariance().data(), ref.cov())).as("cov t=%s", TIMES[t]).isLessThan(1e-9);
        }
    }
}
