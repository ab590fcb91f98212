package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.ConformanceKit;

/**
 * Attention on a wide hidden representation (dense → relu, not centred) that carries an NTK of its
 * own, so the {@code oStd² vStd² · A Θ A'ᵀ} path and logits formed from a limit covariance are checked.
 */
class WideInputAttentionConformanceTest {

    @Test
    void attentionAfterDenseAndRelu() {
        ConformanceKit.Report r = AttentionConformanceTest.check("{\"type\": \"dense\", \"wStd\": 1.3, \"bStd\": 0.2}, "
                + "{\"type\": \"relu\"}, {\"type\": \"attention\", \"qkStd\": 1.8, \"vStd\": 1.1, \"bStd\": 0.1, "
                + "\"posEmb\": \"sum\", \"posDecay\": 0.5}", SequenceInputs.random(3, 3, 5, 81, null));
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }
}
