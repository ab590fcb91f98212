package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.ConformanceKit;

/**
 * Attention on the hidden sequence of a recurrent layer ({@code output: "sequence"}), masked sequences.
 * 40 samples: this network's Monte Carlo estimate is noisier than attention alone's (NNGP error 0.037
 * with 24 samples, 0.022 with 72, the 1/√samples of pure sampling noise; the rnn alone gives 0.014).
 */
class RnnAttentionConformanceTest {

    @Test
    void attentionAfterRnnSequence() {
        ConformanceKit.Report r = AttentionConformanceTest.check("{\"type\": \"rnn\", \"activation\": \"tanh\", \"output\": \"sequence\", "
                + "\"wStd\": 1.1, \"uStd\": 1.0, \"bStd\": 0.1}, {\"type\": \"attention\", \"qkStd\": 1.5, "
                + "\"causal\": true, \"bStd\": 0.1}", SequenceInputs.random(3, 3, 5, 91, SequenceInputs.lengths(3, 3, 2, 3)), 40);
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }
}
