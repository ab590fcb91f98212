package org.ntk4j.layers.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.KernelMatrices;

/** The plugin as users meet it: found on the classpath, validated from JSON, computed through the engine. */
class RnnPluginTest {

    @Test
    void registersRnnAndGru() {
        Ntk4j ntk4j = Ntk4j.create();
        assertThat(ntk4j.catalog().layerNames()).contains("rnn", "gru");
        assertThat(ntk4j.catalog().layerType("rnn").params()).extracting(p -> p.name())
                .contains("activation", "wStd", "uStd", "bStd", "output");
        assertThat(ntk4j.catalog().layerType("gru").params()).extracting(p -> p.name())
                .contains("wStd", "uStd", "bStd", "output", "samples", "seed");
    }

    @Test
    void gruFromJsonComputesSymmetricKernelsForMaskedSequences() {
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "gru", "output": "mean", "samples": 512, "seed": 4},
                            {"type": "dense", "wStd": 1.0}]}""");
        boolean[][] mask = {{true, true, true}, {true, true, false}};
        KernelMatrices k = a.kernels(SequenceStates.inputs(SequenceStates.random(2, 3, 2, 8), mask));
        assertThat(k.nngp(0, 1)).isEqualTo(k.nngp(1, 0));
        assertThat(k.nngp(0, 0)).isPositive();
        assertThat(k.ntk(1, 1)).isPositive();
    }

    @Test
    void refusesVectorsAndUnknownOutputModes() {
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "gru"}, {"type": "dense"}]}""");
        assertThatThrownBy(() -> a.kernels(new double[][]{{1, 2}}, null))
                .isInstanceOf(SpecException.class).hasMessageContaining("layers[0]").hasMessageContaining("sequences");
        assertThatThrownBy(() -> Ntk4j.create().parse("""
                {"layers": [{"type": "gru", "output": "first"}]}"""))
                .isInstanceOf(SpecException.class).hasMessageContaining("layers[0].output");
    }
}
