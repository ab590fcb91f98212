package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;

/** batchNorm through the whole engine (JSON, joint computation of batch-coupled networks). */
class BatchNormEngineTest {

    private static final double[][] BATCH = {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0.5, -1, 1}};

    @Test
    void plainBatchNormCovarianceOfIssueBatch() {
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "dense", "wStd": 1, "bStd": 0}, {"type": "batchNorm"}, {"type": "dense", "wStd": 1}]}""");
        KernelMatrices k = a.kernels(Inputs.of(BATCH));
        // E[y yᵀ] for y = √B·Gz/|Gz|, z ~ N(0, X Xᵀ/3): numpy trapezoid of the Laplace integral (h = 0.1
        // and 0.05 agree to 6e-14); 10⁷ numpy samples agree within their standard error 3e-4.
        double[] expected = {
                0.46671956, -0.46001369, 0.04253523, -0.04924109,
                -0.46001369, 1.08460900, 0.09592240, -0.72051771,
                0.04253523, 0.09592240, 0.77022750, -0.90868513,
                -0.04924109, -0.72051771, -0.90868513, 1.67844394};
        assertThat(k.nngp()).containsExactly(expected, within(1e-7));
        double trace = 0;
        for (int i = 0; i < 4; i++) {
            trace += k.nngp(i, i);
            assertThat(k.ntk(i, i)).isPositive();
        }
        assertThat(trace).isCloseTo(4.0, within(1e-10));
    }

    @Test
    void batchNormFusedWithReluGivesTheIssueValues() {
        // dense (wStd 1, bStd 0) + batchNorm + relu + dense (wStd 1) on one batch of four (issue 7):
        // GP4A's Laplace integral, checked by 10⁷ samples; our numpy trapezoid agrees to 1e-13.
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "dense", "wStd": 1, "bStd": 0}, {"type": "batchNorm", "activation": "relu"},
                            {"type": "dense", "wStd": 1}]}""");
        KernelMatrices k = a.kernels(Inputs.of(BATCH));
        assertThat(new double[]{k.nngp(0, 0), k.nngp(1, 1), k.nngp(2, 2), k.nngp(3, 3)})
                .containsExactly(new double[]{0.233360, 0.542305, 0.385114, 0.839222}, within(1e-6));
        assertThat(new double[]{k.nngp(0, 1), k.nngp(0, 2), k.nngp(0, 3)})
                .containsExactly(new double[]{0.022213, 0.105654, 0.124928}, within(1e-6));
        assertThat(k.nngp(0, 0) + k.nngp(1, 1) + k.nngp(2, 2) + k.nngp(3, 3)).isCloseTo(2.0, within(1e-10));
    }

    @Test
    void batchNormThenReluAsSeparateLayersIsFusedIntoTheExactRule() {
        // Written as the issue writes it: three layers. The chain fuses batchNorm with the activation,
        // since relu's Gaussian dual on batchNorm's (spherical, non-Gaussian) output would be 3% off.
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "dense", "wStd": 1, "bStd": 0}, {"type": "batchNorm"}, {"type": "relu"},
                            {"type": "dense", "wStd": 1}]}""");
        assertThat(a.layers()).extracting(l -> l.type()).containsExactly("dense", "batchNorm", "dense");
        KernelMatrices k = a.kernels(Inputs.of(BATCH));
        assertThat(new double[]{k.nngp(0, 0), k.nngp(1, 1), k.nngp(2, 2), k.nngp(3, 3)})
                .containsExactly(new double[]{0.233360, 0.542305, 0.385114, 0.839222}, within(1e-6));
        assertThat(new double[]{k.nngp(0, 1), k.nngp(0, 2), k.nngp(0, 3)})
                .containsExactly(new double[]{0.022213, 0.105654, 0.124928}, within(1e-6));
    }

    @Test
    void activationsAfterAFusedBatchNormOrOnRawDataAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ntk4j.create().parse("""
                {"layers": [{"type": "dense"}, {"type": "batchNorm"}, {"type": "relu"}, {"type": "tanh"},
                            {"type": "dense"}]}""").outputShape(org.ntk4j.api.Shape.vector(3)))
                .hasMessageContaining("layers[3]").hasMessageContaining("needs Gaussian pre-activations");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ntk4j.create().parse("""
                {"layers": [{"type": "batchNorm"}, {"type": "dense"}]}""").outputShape(org.ntk4j.api.Shape.vector(3)))
                .hasMessageContaining("layers[0]").hasMessageContaining("Gaussian");
    }

    @Test
    void x1AgainstX2NormalisesEachBatchOnItsOwn() {
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "dense", "wStd": 1.3}, {"type": "batchNorm", "eps": 0.1, "samples": 20000},
                            {"type": "dense", "wStd": 1}]}""");
        Inputs x1 = Inputs.of(BATCH);
        Inputs x2 = Inputs.of(BatchNormKernelTest.randomRows(3, 3, 9));
        KernelMatrices cross = a.kernels(x1, x2);
        KernelMatrices self = a.kernels(x1);
        assertThat(cross.n1()).isEqualTo(4);
        assertThat(cross.n2()).isEqualTo(3);
        // x1's own kernel does not depend on which x2 it is computed with (exact within a batch):
        // compare the diagonal of a joint run x1 against x1 stacked as two batches.
        KernelMatrices twice = a.kernels(x1, x1.slice(0, 4));
        for (int i = 0; i < 4; i++) {
            assertThat(twice.nngp(i, i)).isCloseTo(self.nngp(i, i), within(0.02));
        }
    }
}
