package org.ntk4j.gp;

import org.ntk4j.api.SpecException;
import org.ntk4j.engine.linalg.LinearAlgebra;
import org.ntk4j.engine.linalg.LinearAlgebras;

/**
 * Settings of the gradient-flow GP.
 *
 * @param kernel which kernel drives training ({@link TrainedKernel#NTK} by default)
 * @param loss how the squared loss is normalised ({@link Loss#SUM} by default)
 * @param learningRate η of {@code dθ/dt = −η ∇L}; only rescales time (default 1)
 * @param diagReg added to the diagonal of the training kernel that drives the dynamics (default 0)
 * @param linearAlgebra the dense back-end (default {@link LinearAlgebras#best()})
 */
public record GradientFlowOptions(TrainedKernel kernel, Loss loss, double learningRate, double diagReg,
                                  LinearAlgebra linearAlgebra) {

    public GradientFlowOptions {
        if (kernel == null || loss == null || linearAlgebra == null) {
            throw new IllegalArgumentException("kernel, loss and linearAlgebra must not be null");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new SpecException("learning-rate", "expected a finite number > 0, found " + learningRate);
        }
        if (!(diagReg >= 0) || Double.isInfinite(diagReg)) {
            throw new SpecException("diag-reg", "expected a finite number >= 0, found " + diagReg);
        }
    }

    /** NTK, sum loss, η = 1, no regularisation, the best available back-end. */
    public static GradientFlowOptions defaults() {
        return new GradientFlowOptions(TrainedKernel.NTK, Loss.SUM, 1.0, 0.0, LinearAlgebras.best());
    }

    public GradientFlowOptions withKernel(TrainedKernel k) {
        return new GradientFlowOptions(k, loss, learningRate, diagReg, linearAlgebra);
    }

    public GradientFlowOptions withLoss(Loss l) {
        return new GradientFlowOptions(kernel, l, learningRate, diagReg, linearAlgebra);
    }

    public GradientFlowOptions withLearningRate(double eta) {
        return new GradientFlowOptions(kernel, loss, eta, diagReg, linearAlgebra);
    }

    public GradientFlowOptions withDiagReg(double reg) {
        return new GradientFlowOptions(kernel, loss, learningRate, reg, linearAlgebra);
    }

    public GradientFlowOptions withLinearAlgebra(LinearAlgebra la) {
        return new GradientFlowOptions(kernel, loss, learningRate, diagReg, la);
    }
}
