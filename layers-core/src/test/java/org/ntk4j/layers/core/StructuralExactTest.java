package org.ntk4j.layers.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.finite.FiniteNetwork;

/** Exact properties of the structural layers: formulas by hand, mode agreement, PSD, errors, gradients. */
class StructuralExactTest {

    private static final double TOL = 1e-12;

    private static Dense dense(double w, double b) {
        return new Dense("d", w, b, 1024, Parameterization.NTK);
    }

    @Test
    void sumOfIdentityAndDenseEqualsTheFormulaByHand() {
        double w1 = 1.2;
        double b1 = 0.3;
        double w2 = 0.8;
        double b2 = 0.5;
        Architecture a = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense", "wStd": 1.2, "bStd": 0.3},
                  {"type": "sum", "branches": [[], [{"type": "dense", "wStd": 0.8, "bStd": 0.5}]]}]}""");
        double[][] x = {{1, 0, 0}, {0.5, -1, 2}, {0.3, 0.3, 0.3}};
        KernelMatrices k = a.kernels(x, null);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double in = (x[i][0] * x[j][0] + x[i][1] * x[j][1] + x[i][2] * x[j][2]) / 3;
                double k1 = w1 * w1 * in + b1 * b1;
                double theta1 = k1; // the first layer's own parameters; inputs carry none
                double kBranch = w2 * w2 * k1 + b2 * b2;
                double thetaBranch = kBranch + w2 * w2 * theta1;
                assertThat(k.nngp(i, j)).isCloseTo(k1 + kBranch, within(TOL));
                assertThat(k.ntk(i, j)).isCloseTo(theta1 + thetaBranch, within(TOL));
            }
        }
    }

    @Test
    void residualEqualsItsFormulaByHand() {
        double[][] x = {{1, 2}, {-0.5, 0.7}};
        KernelMatrices base = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense", "wStd": 1.1, "bStd": 0.2}]}""").kernels(x, null);
        KernelMatrices res = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense", "wStd": 1.1, "bStd": 0.2},
                  {"type": "residual", "scale": 0.5, "layers": [{"type": "dense", "wStd": 2.0, "bStd": 0.1}]}]}""")
                .kernels(x, null);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double k = base.nngp(i, j);
                double t = base.ntk(i, j);
                double kf = 4.0 * k + 0.01;
                double tf = kf + 4.0 * t;
                assertThat(res.nngp(i, j)).isCloseTo(k + 0.25 * kf, within(TOL));
                assertThat(res.ntk(i, j)).isCloseTo(t + 0.25 * tf, within(TOL));
            }
        }
    }

    /** Under the standard parameterization widths are real: 1024 identity channels next to 3072 dense ones. */
    @Test
    void concatWeighsBranchesByTheirChannelCounts() {
        double[][] x = {{1, 2}, {-0.5, 0.7}};
        KernelMatrices base = MonteCarloFixture.parse("""
                {"parameterization": "standard", "layers": [{"type": "dense", "wStd": 1.1, "bStd": 0.2}]}""")
                .kernels(x, null);
        KernelMatrices cat = MonteCarloFixture.parse("""
                {"parameterization": "standard", "layers": [{"type": "dense", "wStd": 1.1, "bStd": 0.2},
                  {"type": "concat", "branches": [[], [{"type": "dense", "wStd": 2.0, "bStd": 0.1, "width": 3072}]]}]}""")
                .kernels(x, null);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double k = base.nngp(i, j);
                double t = base.ntk(i, j);
                double kf = 4.0 * k + 0.01;
                double tf = 1024 * k + 1.0 + 4.0 * t; // standard: unscaled gradients, fan-in 1024
                assertThat(cat.nngp(i, j)).isCloseTo(0.25 * k + 0.75 * kf, within(TOL));
                assertThat(cat.ntk(i, j)).isCloseTo(0.25 * t + 0.75 * tf, within(1e-9));
            }
        }
    }

    /** Per-position layers computed with full position covariances agree with the diagonal mode. */
    @Test
    void fullAndDiagonalModesAgreeOnSamePositionEntries() {
        List<Layer> chains = List.of(
                dense(1.3, 0.2),
                new LayerNorm("ln", 0.05),
                new Sum("s", List.of(List.of(), List.of(dense(0.7, 0.3)))),
                new Residual("r", List.of(dense(1.1, 0.4)), 0.6),
                new Concat("c", List.of(List.of(), List.of(dense(1.5, 0.1)))));
        for (Layer layer : chains) {
            KernelState full = layer.apply(dense(1.0, 0.1).apply(States.sequences(Positions.FULL, null)));
            KernelState diagonal = layer.apply(dense(1.0, 0.1).apply(States.sequences(Positions.DIAGONAL, null)));
            assertThat(full.channels()).isEqualTo(diagonal.channels());
            States.assertDiagonalOf(full, diagonal);
        }
    }

    @Test
    void flattenOfFullCovarianceEqualsFlattenOfItsDiagonal() {
        boolean[][] mask = {{true, true, false, true}, {true, false, true, true}, {true, true, true, true}};
        for (boolean[][] m : new boolean[][][]{null, mask}) {
            Layer chain = new org.ntk4j.api.Serial("chain", "layers", List.of(dense(1.2, 0.3),
                    new LayerNorm("ln", 0), new Flatten("f")));
            KernelState full = chain.apply(States.sequences(Positions.FULL, m));
            KernelState diagonal = chain.apply(States.sequences(Positions.DIAGONAL, m));
            assertThat(full.mode()).isEqualTo(Positions.NONE);
            assertThat(full.channels()).isEqualTo(4 * 1024);
            States.assertSame(full, diagonal);
        }
    }

    @Test
    void globalAvgPoolIsTheMeanOverPresentPairsOfPositions() {
        boolean[][] mask = {{true, true, false, true}, {true, false, false, false}, {true, true, true, true}};
        KernelState in = dense(1.1, 0.4).apply(States.sequences(Positions.FULL, mask));
        KernelState copy = in.copy();
        KernelState out = new GlobalAvgPool("g").apply(in);
        int s = 4;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                double tsum = 0;
                int count = 0;
                for (int p = 0; p < s; p++) {
                    for (int q = 0; q < s; q++) {
                        if (mask[i][p] && mask[j][q]) {
                            sum += copy.cross()[(i * 3 + j) * s * s + p * s + q];
                            tsum += copy.ntk()[(i * 3 + j) * s * s + p * s + q];
                            count++;
                        }
                    }
                }
                assertThat(out.cross()[i * 3 + j]).isCloseTo(sum / count, within(TOL));
                assertThat(out.ntk()[i * 3 + j]).isCloseTo(tsum / count, within(TOL));
            }
        }
        assertThat(out.self1()[1]).isCloseTo(copy.self1()[s * s + 0], within(TOL));
    }

    @Test
    void layerNormDividesByTheVariancesOfBothPositions() {
        KernelState in = dense(1.3, 0.2).apply(States.sequences(Positions.FULL, null));
        KernelState copy = in.copy();
        double eps = 0.2;
        KernelState out = new LayerNorm("ln", eps).apply(in);
        int s = 4;
        for (int e = 0; e < s * s; e++) {
            int p = e / s;
            int q = e % s;
            int pair = 3 + 2; // inputs i = 1, j = 2 among three
            double norm = Math.sqrt((copy.var1(1, p) + eps) * (copy.var2(2, q) + eps));
            assertThat(out.cross()[pair * s * s + e]).isCloseTo(copy.cross()[pair * s * s + e] / norm, within(TOL));
            assertThat(out.ntk()[pair * s * s + e]).isCloseTo(copy.ntk()[pair * s * s + e] / norm, within(TOL));
        }
        // With eps = 0 every position of the output has unit variance.
        KernelState unit = new LayerNorm("ln", 0).apply(dense(1.3, 0.2).apply(States.sequences(Positions.FULL, null)));
        for (int p = 0; p < s; p++) {
            assertThat(unit.var1(0, p)).isCloseTo(1.0, within(TOL));
        }
    }

    private static final String EVERY_LAYER = """
            {"layers": [{"type": "dense", "wStd": 1.4, "bStd": 0.1}, {"type": "layerNorm"},
              {"type": "sum", "branches": [[], [{"type": "dense", "wStd": 0.9, "bStd": 0.2}]]},
              {"type": "residual", "scale": 0.5, "layers": [{"type": "dense"}, {"type": "dense"}]},
              {"type": "concat", "branches": [[], [{"type": "dense", "wStd": 1.2}, {"type": "layerNorm", "eps": 0.1}]]},
              {"type": "globalAvgPool"}, {"type": "dense", "wStd": 1.1, "bStd": 0.3}]}""";

    /** Seven random sequences of four steps with three channels, some steps masked. */
    private static Inputs maskedSequences() {
        boolean[][] mask = new boolean[7][];
        SplittableRandom rng = new SplittableRandom(5);
        double[] data = new double[7 * 4 * 3];
        for (int k = 0; k < data.length; k++) {
            data[k] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < 7; i++) {
            mask[i] = new boolean[]{true, i % 2 == 0, i % 3 != 1, true};
        }
        return new Inputs("x", new int[]{7, 4, 3}, data, mask);
    }

    @Test
    void kernelsAreSymmetricAndPositiveSemidefiniteWhenX1EqualsX2() {
        KernelMatrices k = MonteCarloFixture.parse(EVERY_LAYER).kernels(maskedSequences(), null);
        for (double[] m : new double[][]{k.nngp(), k.ntk()}) {
            Psd.assertSymmetric(m, 7);
            Psd.assertPositiveSemidefinite(m, 7);
        }
    }

    /** x1 against x2 (self covariances of each side read separately) is the block of the joint matrix. */
    @Test
    void crossKernelsAreBlocksOfTheJointKernel() {
        Architecture a = MonteCarloFixture.parse(EVERY_LAYER);
        Inputs all = maskedSequences();
        KernelMatrices joint = a.kernels(all, null);
        KernelMatrices cross = a.kernels(all.slice(0, 3), all.slice(3, 7));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(cross.nngp(i, j)).isCloseTo(joint.nngp(i, 3 + j), within(TOL));
                assertThat(cross.ntk(i, j)).isCloseTo(joint.ntk(i, 3 + j), within(TOL));
            }
        }
    }

    @Test
    void deepDenseNetworkStaysFinite() {
        StringBuilder json = new StringBuilder("{\"layers\": [");
        for (int l = 0; l < 50; l++) {
            json.append(l == 0 ? "" : ", ").append("{\"type\": \"dense\", \"wStd\": 1.0, \"bStd\": 0.1}");
        }
        KernelMatrices k = MonteCarloFixture.parse(json.append("]}").toString())
                .kernels(MonteCarloFixture.vectors(), null);
        for (double v : k.nngp()) {
            assertThat(v).isFinite();
        }
        for (double v : k.ntk()) {
            assertThat(v).isFinite();
        }
        Psd.assertPositiveSemidefinite(k.ntk(), 4);
    }

    @Test
    void sumRefusesTwoNonFreshBranches() {
        assertThatThrownBy(() -> MonteCarloFixture.parse("""
                {"layers": [{"type": "dense"}, {"type": "sum", "branches": [[], [], [{"type": "dense"}]]}]}"""))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[1].branches")
                .hasMessageContaining("[0, 1]")
                .hasMessageContaining("not fresh");
    }

    @Test
    void residualRefusesAnEmptyBranch() {
        assertThatThrownBy(() -> MonteCarloFixture.parse("""
                {"layers": [{"type": "dense"}, {"type": "residual", "layers": []}]}"""))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[1].layers")
                .hasMessageContaining("fresh");
    }

    @Test
    void branchesWithDifferentShapesAreRefusedNamingTheBranch() {
        Architecture sum = MonteCarloFixture.parse("""
                {"layers": [{"type": "sum", "branches": [[], [{"type": "dense"}]]}]}""");
        assertThatThrownBy(() -> sum.outputShape(Shape.vector(3)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[0].branches[1]")
                .hasMessageContaining("one shape");
        Architecture concat = MonteCarloFixture.parse("""
                {"layers": [{"type": "concat", "branches": [[], [{"type": "flatten"}]]}]}""");
        assertThatThrownBy(() -> concat.outputShape(new Shape(new int[]{5}, 2)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[0].branches[1]")
                .hasMessageContaining("positions");
        Architecture residual = MonteCarloFixture.parse("""
                {"layers": [{"type": "residual", "layers": [{"type": "dense"}]}]}""");
        assertThatThrownBy(() -> residual.outputShape(Shape.vector(3)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[0].layers");
    }

    @Test
    void globalAvgPoolRefusesVectors() {
        Architecture a = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense"}, {"type": "globalAvgPool"}]}""");
        assertThatThrownBy(() -> a.outputShape(Shape.vector(3)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[1]")
                .hasMessageContaining("positions");
    }

    @Test
    void layerNormRefusesAnInputThatIsNotCentred() {
        Architecture a = MonteCarloFixture.parse("""
                {"layers": [{"type": "layerNorm"}, {"type": "dense"}]}""");
        assertThatThrownBy(() -> a.outputShape(Shape.vector(3)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[0]")
                .hasMessageContaining("centred");
        // A branch sees its input's flags: first in a branch after a dense is fine, after raw data not.
        Architecture branch = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense"}, {"type": "concat", "branches": [[{"type": "layerNorm"}], []]}]}""");
        assertThat(branch.outputShape(Shape.vector(3)).centred()).isTrue();
        Architecture raw = MonteCarloFixture.parse("""
                {"layers": [{"type": "concat", "branches": [[{"type": "layerNorm"}], [{"type": "dense"}]]}]}""");
        assertThatThrownBy(() -> raw.outputShape(Shape.vector(3)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[0].branches[0][0]");
    }

    @Test
    void activationsNeedGaussianPreActivations() {
        // On raw data, or on another activation's output, the Gaussian dual is not the kernel.
        for (String json : new String[]{
                "{\"layers\": [{\"type\": \"relu\"}, {\"type\": \"dense\"}]}",
                "{\"layers\": [{\"type\": \"dense\"}, {\"type\": \"tanh\"}, {\"type\": \"relu\"}, {\"type\": \"dense\"}]}"}) {
            assertThatThrownBy(() -> MonteCarloFixture.parse(json).outputShape(Shape.vector(3)))
                    .isInstanceOf(SpecException.class).hasMessageContaining("needs Gaussian pre-activations");
        }
        // A pre-activation residual block sees its Gaussian input; identity keeps Gaussianity.
        Shape out = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense"}, {"type": "residual", "layers": [{"type": "relu"}, {"type": "dense"}]},
                  {"type": "identity"}, {"type": "erf"}, {"type": "dense"}]}""").outputShape(Shape.vector(3));
        assertThat(out.gaussian()).isTrue();
    }

    @Test
    void poolingAndFlatteningKeepAFreshInputCentred() {
        Shape seq = new Shape(new int[]{4}, 3);
        assertThat(MonteCarloFixture.parse("""
                {"layers": [{"type": "dense"}, {"type": "globalAvgPool"}, {"type": "layerNorm"}]}""")
                .outputShape(seq)).isEqualTo(Shape.vector(1024).fromWeights());
        assertThat(MonteCarloFixture.parse("""
                {"layers": [{"type": "dense"}, {"type": "flatten"}, {"type": "layerNorm"}]}""")
                .outputShape(seq)).isEqualTo(Shape.vector(4 * 1024).fromWeights());
        assertThatThrownBy(() -> MonteCarloFixture.parse("""
                {"layers": [{"type": "flatten"}, {"type": "layerNorm"}]}""").outputShape(seq))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[1]");
    }

    @Test
    void shapesFlowThroughTheLayers() {
        Architecture a = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense", "width": 16}, {"type": "layerNorm"},
                  {"type": "concat", "branches": [[], [{"type": "dense", "width": 8}]]},
                  {"type": "flatten"}]}""");
        assertThat(a.outputShape(new Shape(new int[]{3, 2}, 5))).isEqualTo(Shape.vector(6 * 24).fromWeights());
        Architecture pool = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense", "width": 16}, {"type": "globalAvgPool"}]}""");
        assertThat(pool.outputShape(new Shape(new int[]{4}, 5))).isEqualTo(Shape.vector(16).fromWeights());
    }

    /** Backward of every twin, checked through the gradient of the first layer's weights. */
    @Test
    void finiteTwinGradientsMatchFiniteDifferences() {
        Architecture a = MonteCarloFixture.parse("""
                {"layers": [{"type": "dense", "wStd": 1.3, "bStd": 0.2}, {"type": "layerNorm", "eps": 0.01},
                  {"type": "sum", "branches": [[], [{"type": "dense", "wStd": 0.9, "bStd": 0.2}]]},
                  {"type": "residual", "scale": 0.5, "layers": [{"type": "dense"}]},
                  {"type": "concat", "branches": [[], [{"type": "dense", "wStd": 1.2}]]},
                  {"type": "flatten"}, {"type": "dense", "wStd": 1.1, "bStd": 0.3}]}""");
        boolean[][] mask = {{true, false, true}};
        Inputs x = new Inputs("x", new int[]{1, 3, 2}, new double[]{0.3, -1, 0.8, 0.5, -0.2, 1.1}, mask);
        FiniteNetwork net = a.finite(x.shape1(), 6, 3);
        Batch batch = FiniteNetwork.batchOf(x);
        List<double[]> grads = net.evaluate(batch).gradients().get(0);
        List<double[]> params = net.parameters();
        assertThat(grads).hasSameSizeAs(params);
        for (int k = 0; k < params.size(); k++) {
            assertThat(grads.get(k)).hasSameSizeAs(params.get(k));
        }
        double h = 1e-6;
        for (int k = 0; k < params.size(); k++) {
            double[] p = params.get(k);
            for (int m = 0; m < p.length; m += 3) {
                double old = p[m];
                p[m] = old + h;
                double up = net.outputs(batch)[0];
                p[m] = old - h;
                double down = net.outputs(batch)[0];
                p[m] = old;
                assertThat(grads.get(k)[m]).as("parameter %d[%d]", k, m).isCloseTo((up - down) / (2 * h), within(1e-6));
            }
        }
    }
}
