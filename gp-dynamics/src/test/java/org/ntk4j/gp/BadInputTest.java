package org.ntk4j.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.SpecException;

/** Mistakes in the inputs become {@link SpecException}s that name the argument, what was expected and what was found. */
class BadInputTest {
    private final SyntheticKernels k = new SyntheticKernels(9, 12, 4, 2, 40);

    private GradientFlowGP.Builder builder() {
        return GradientFlowGP.builder().ntkTrain(k.ntkTrain).nngpTrain(k.nngpTrain).targets(k.y).test(k.test())
                .options(GradientFlowOptions.defaults());
    }

    private static SpecException specError(Runnable r) {
        try {
            r.run();
        } catch (SpecException e) {
            return e;
        }
        throw new AssertionError("expected a SpecException");
    }

    @Test
    void targetsWithTheWrongNumberOfRows() {
        DenseMatrix y = DenseMatrix.zeros(11, 2);
        SpecException e = specError(() -> builder().targets(y).build());
        assertThat(e.place()).isEqualTo("y-train");
        assertThat(e).hasMessageContaining("expected 12 rows, one per training input, found 11");
    }

    @Test
    void nonFiniteTargets() {
        double[] y = k.y.data().clone();
        y[2 * 2 + 1] = Double.NaN;
        SpecException e = specError(() -> builder().targets(new DenseMatrix(12, 2, y)).build());
        assertThat(e.place()).isEqualTo("y-train");
        assertThat(e).hasMessageContaining("must be finite, found NaN at row 2, column 1");
        y[2 * 2 + 1] = Double.POSITIVE_INFINITY;
        assertThat(specError(() -> builder().targets(new DenseMatrix(12, 2, y)).build())).hasMessageContaining("Infinity");
        assertThat(specError(() -> builder().targets(DenseMatrix.zeros(12, 0)).build()))
                .hasMessageContaining("at least one output column");
    }

    @Test
    void negativeOrMissingTimes() {
        GradientFlowGP gp = builder().build();
        SpecException e = specError(() -> gp.predict(new double[] {0, -1, 3}));
        assertThat(e.place()).isEqualTo("times");
        assertThat(e).hasMessageContaining("expected times >= 0 or inf, found -1.0 at position 2");
        assertThat(specError(() -> gp.predict(new double[] {Double.NaN}))).hasMessageContaining("NaN");
        assertThat(specError(() -> gp.predict(new double[] {Double.NEGATIVE_INFINITY}))).hasMessageContaining("-Infinity");
        assertThat(specError(() -> gp.predictTrain(new double[0]))).hasMessageContaining("at least one time");
    }

    @Test
    void kernelsWhoseShapesDoNotMatch() {
        SpecException e = specError(() -> builder().test(DenseMatrix.zeros(4, 13), k.nngpTestTrain, k.nngpTest).build());
        assertThat(e.place()).isEqualTo("kernel Θ(x*,X)");
        assertThat(e).hasMessageContaining("expected a 4x12 matrix (test points x training points), found 4x13");

        assertThat(specError(() -> builder().test(k.ntkTestTrain, k.nngpTestTrain, DenseMatrix.zeros(4, 5)).build()).place())
                .isEqualTo("kernel K(x*,x*)");
        assertThat(specError(() -> builder().ntkTrain(DenseMatrix.zeros(12, 11)).build()).place())
                .isEqualTo("kernel Θ(X,X)");
        assertThat(specError(() -> builder().nngpTrain(DenseMatrix.zeros(12, 13)).build()).place())
                .isEqualTo("kernel K(X,X)");
        double[] bad = k.nngpTestTrain.data().clone();
        bad[5] = Double.NaN;
        assertThat(specError(() -> builder().test(k.ntkTestTrain, new DenseMatrix(4, 12, bad), k.nngpTest).build()))
                .hasMessageContaining("kernel K(x*,X)").hasMessageContaining("NaN at row 0, column 5");
    }

    @Test
    void aSingularNtkAtInfiniteTimeAsksForDiagReg() {
        SyntheticKernels dup = new SyntheticKernels(9, 12, 4, 2, 40, true); // training points 0 and 1 coincide
        GradientFlowGP gp = dup.gp(GradientFlowOptions.defaults());
        assertThat(gp.predict(new double[] {0, 1, 50}).size()).isEqualTo(3); // finite times need no inverse

        SpecException e = specError(() -> gp.predict(new double[] {1, Double.POSITIVE_INFINITY}));
        assertThat(e.place()).isEqualTo("diag-reg");
        assertThat(e).hasMessageContaining("training NTK Θ(X,X) (12x12, plus diag-reg 0.0) is not numerically positive definite")
                .hasMessageContaining("duplicated")
                .hasMessageContaining("Pass --diag-reg with a small positive value, e.g. --diag-reg ");

        GradientFlowGP regularised = dup.gp(GradientFlowOptions.defaults().withDiagReg(1e-6));
        Gaussian g = regularised.predict(new double[] {Double.POSITIVE_INFINITY}).at(0);
        assertThat(java.util.Arrays.stream(g.mean().data()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void aSingularNngpPosteriorAsksForDiagRegToo() {
        SyntheticKernels dup = new SyntheticKernels(9, 12, 4, 2, 40, true);
        GradientFlowGP gp = dup.gp(GradientFlowOptions.defaults().withKernel(TrainedKernel.NNGP));
        assertThat(specError(gp::posterior)).hasMessageContaining("NNGP K(X,X)").hasMessageContaining("--diag-reg");
        assertThat(specError(() -> gp.predict(new double[] {Double.POSITIVE_INFINITY}))).hasMessageContaining("--diag-reg");
    }

    @Test
    void badOptions() {
        GradientFlowOptions d = GradientFlowOptions.defaults();
        assertThat(specError(() -> d.withDiagReg(-1e-3)).place()).isEqualTo("diag-reg");
        assertThat(specError(() -> d.withDiagReg(Double.NaN))).hasMessageContaining("expected a finite number >= 0, found NaN");
        assertThat(specError(() -> d.withLearningRate(0)).place()).isEqualTo("learning-rate");
        assertThat(specError(() -> d.withLearningRate(Double.POSITIVE_INFINITY))).hasMessageContaining("> 0");
        assertThat(specError(() -> Loss.parse("avg", "loss"))).hasMessage("loss: expected sum or mean, found 'avg'");
        assertThat(Loss.parse(" Mean ", "loss")).isEqualTo(Loss.MEAN);
        assertThat(specError(() -> TrainedKernel.parse("rbf", "kernel"))).hasMessage("kernel: expected ntk or nngp, found 'rbf'");
        assertThat(TrainedKernel.parse("NNGP", "kernel")).isEqualTo(TrainedKernel.NNGP);
        assertThat(specError(() -> builder().build().maxLearningRate(-0.5)).place()).isEqualTo("momentum");
    }

    @Test
    void missingPiecesAreProgrammingErrors() {
        assertThatThrownBy(() -> GradientFlowGP.builder().nngpTrain(k.nngpTrain).targets(k.y).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Θ(X,X)");
        GradientFlowGP noTest = GradientFlowGP.builder().ntkTrain(k.ntkTrain).nngpTrain(k.nngpTrain).targets(k.y).build();
        assertThatThrownBy(() -> noTest.predict(new double[] {1})).isInstanceOf(IllegalStateException.class);
        assertThat(noTest.predictTrain(new double[] {1}).size()).isEqualTo(1);
        // the NNGP needs no NTK at all
        GradientFlowGP nngp = GradientFlowGP.builder().nngpTrain(k.nngpTrain).targets(k.y)
                .test(null, k.nngpTestTrain, k.nngpTest)
                .options(GradientFlowOptions.defaults().withKernel(TrainedKernel.NNGP)).build();
        assertThat(nngp.predict(new double[] {1}).at(0).mean().rows()).isEqualTo(4);
    }
}
