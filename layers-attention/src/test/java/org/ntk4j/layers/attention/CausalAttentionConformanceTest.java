package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.ConformanceKit;
import org.ntk4j.engine.compute.Inputs;

/** Causal attention against width-1024 twins, as {@link AttentionConformanceTest}. */
class CausalAttentionConformanceTest {

    private static ConformanceKit.Report check(String attention, Inputs x) {
        return AttentionConformanceTest.check(attention, x);
    }

    @Test
    void causalAttention() {
        ConformanceKit.Report r = check("{\"type\": \"attention\", \"qkStd\": 1.5, \"bStd\": 0.2, \"causal\": true}",
                SequenceInputs.random(3, 4, 5, 2, null));
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }

    @Test
    void causalWithPositionsOnSequencesOfDifferentLengths() {
        Inputs x = SequenceInputs.random(3, 4, 5, 4, SequenceInputs.lengths(4, 4, 2, 3));
        ConformanceKit.Report r = check("{\"type\": \"attention\", \"qkStd\": 1.4, \"causal\": true, \"posEmb\": \"sum\", "
                + "\"posDecay\": 0.3, \"bStd\": 0.1}", x);
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }
}
