package org.ntk4j.layers.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ntk4j.layers.core.MonteCarloFixture.BAR;
import static org.ntk4j.layers.core.MonteCarloFixture.check;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.ConformanceKit;
import org.ntk4j.engine.compute.Inputs;

/**
 * Monte Carlo conformance of the structural layers: infinite-width kernels against finite twins
 * built from the same JSON, with Neural Tangents' bar 0.041.
 *
 * <p>Networks without a hidden weight matrix (sum of two branches on the input, layerNorm,
 * globalAvgPool) run at Neural Tangents' setting, width 1024 with 100 samples. The others (sum with an
 * identity branch, residual, concat, flatten) need one or two hidden W×W matrices and run at width 512
 * with 50 samples to keep the class fast on a shared machine: the error falls like
 * (width · samples)^-1/2 (see {@link DenseMonteCarloTest}), so that is about twice as noisy as width
 * 1024 with 100 samples, where these networks (with a dense readout) measured 0.002–0.008; the bar
 * still leaves a margin.
 *
 * <p>Networks end where the layer's output units are exchangeable (the kit's NNGP averages over all
 * output units and its NTK reads unit 0); concat and flatten are followed by dense, because their
 * unit 0 belongs to one branch or position only.
 */
class StructuralMonteCarloTest {

    private static final int WIDTH = 512;
    private static final int SAMPLES = 50;

    private static void assertConforms(ConformanceKit.Report r) {
        assertThat(r.nngpError()).isLessThanOrEqualTo(BAR);
        assertThat(r.ntkError()).isLessThanOrEqualTo(BAR);
    }

    private static ConformanceKit.Report run(String label, String json, Inputs x) {
        return check(label, json, x, WIDTH, SAMPLES);
    }

    @Test
    void sumOfIdentityAndDenseBranches() {
        assertConforms(run("sum([], [dense])", """
                {"layers": [{"type": "dense", "wStd": 1.2, "bStd": 0.3},
                  {"type": "sum", "branches": [[], [{"type": "dense", "wStd": 0.8, "bStd": 0.5}]]}]}""",
                MonteCarloFixture.vectors()));
    }

    @Test
    void sumOnSequencesKeepsPositionCovariances() {
        assertConforms(run("sum([dense], [dense]), pool", """
                {"layers": [{"type": "dense", "wStd": 1.2, "bStd": 0.3},
                  {"type": "sum", "branches": [[{"type": "dense", "wStd": 0.6}], [{"type": "dense", "wStd": 0.8, "bStd": 0.5}]]},
                  {"type": "globalAvgPool"}]}""", MonteCarloFixture.sequences()));
    }

    @Test
    void residualScalesItsBranch() {
        assertConforms(run("residual(dense, 0.7)", """
                {"layers": [{"type": "dense", "wStd": 1.0, "bStd": 0.2},
                  {"type": "residual", "scale": 0.7, "layers": [{"type": "dense", "wStd": 1.3, "bStd": 0.4}]}]}""",
                MonteCarloFixture.vectors()));
    }

    @Test
    void concatOfIdentityAndDenseOnHiddenLayer() {
        assertConforms(run("concat([], [dense]), dense", """
                {"layers": [{"type": "dense", "wStd": 1.0, "bStd": 0.2},
                  {"type": "concat", "branches": [[], [{"type": "dense", "wStd": 2.0, "bStd": 0.5}]]},
                  {"type": "dense", "wStd": 1.0, "bStd": 0.1}]}""", MonteCarloFixture.vectors()));
    }

    /** Standard parameterization: real widths 512 and 256, so the branches weigh 2/3 and 1/3. */
    @Test
    void concatOfUnequalWidthsUnderStandardParameterization() {
        assertConforms(run("concat widths 512+256 (standard)", """
                {"parameterization": "standard",
                 "layers": [{"type": "dense", "wStd": 1.0, "bStd": 0.2, "width": 512},
                  {"type": "concat", "branches": [[], [{"type": "dense", "wStd": 2.0, "bStd": 0.5, "width": 256}]]},
                  {"type": "dense", "wStd": 1.0, "bStd": 0.1, "width": 512}]}""", MonteCarloFixture.vectors()));
    }

    @Test
    void flattenOfSequences() {
        // layerNorm over the flattened positions too: a layer after flatten reads the position mean.
        assertConforms(run("flatten, layerNorm, dense (seq)", """
                {"layers": [{"type": "dense", "wStd": 1.4, "bStd": 0.2}, {"type": "flatten"}, {"type": "layerNorm"},
                  {"type": "dense", "wStd": 1.0, "bStd": 0.1}]}""", MonteCarloFixture.sequences()));
    }

    @Test
    void flattenOfMaskedSequences() {
        boolean[][] mask = {{true, true, true}, {true, true, false}, {true, false, false}, {false, true, true}};
        assertConforms(run("flatten, dense (masked seq)", """
                {"layers": [{"type": "dense", "wStd": 1.4, "bStd": 0.2}, {"type": "flatten"},
                  {"type": "dense", "wStd": 1.0, "bStd": 0.1}]}""", MonteCarloFixture.sequences(mask)));
    }

    /**
     * No hidden weight matrix (both branches read the input), so it runs at width 1024 with 100
     * samples; the layerNorm makes unit 0's tangent kernel random (a lone dense layer's is exact).
     */
    @Test
    void sumOfTwoFreshBranchesAtWidth1024With100Samples() {
        assertConforms(check("sum([dense, layerNorm], [dense])", """
                {"layers": [{"type": "sum", "branches": [[{"type": "dense", "wStd": 1.2, "bStd": 0.3}, {"type": "layerNorm"}],
                  [{"type": "dense", "wStd": 0.8, "bStd": 0.5}]]}]}""", MonteCarloFixture.vectors(), 1024, 100));
    }

    /**
     * Masked sequences through layerNorm then globalAvgPool: layerNorm couples the units, so the
     * tangent kernel of unit 0 is random and checked too; no hidden weight matrix, so width 1024.
     */
    @Test
    void globalAvgPoolOfMaskedSequencesAtWidth1024With100Samples() {
        boolean[][] mask = {{true, true, true}, {true, true, false}, {true, false, false}, {false, true, true}};
        assertConforms(check("layerNorm, globalAvgPool (mask)", """
                {"layers": [{"type": "dense", "wStd": 1.4, "bStd": 0.2}, {"type": "layerNorm", "eps": 0.05},
                  {"type": "globalAvgPool"}]}""", MonteCarloFixture.sequences(mask), 1024, 100));
    }

    @Test
    void layerNormAtWidth1024With100Samples() {
        // Ends in layerNorm: its units are exchangeable, and unit 0's tangent kernel still runs through
        // the mean and variance of all units (no hidden weight matrix keeps this one cheap).
        assertConforms(check("dense, layerNorm(eps 0.1)", """
                {"layers": [{"type": "dense", "wStd": 1.5, "bStd": 0.3}, {"type": "layerNorm", "eps": 0.1}]}""",
                MonteCarloFixture.vectors(), 1024, 100));
    }
}
