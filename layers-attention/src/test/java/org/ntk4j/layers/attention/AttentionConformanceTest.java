package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.ConformanceKit;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;

/**
 * Attention alone against wide finite twins (width 1024): attention, a test-only mean over positions,
 * and a dense readout. Inputs are raw sequences (T = 4, d = 5), so the logits' limit is exact per input.
 * 24 samples: with 60 the errors were 0.004–0.018, with 24 they are 0.007–0.026, well inside 0.05
 * (the NNGP sample averages over all 1024 readout units); causal cases are in
 * {@link CausalAttentionConformanceTest}.
 */
class AttentionConformanceTest {

    static final int WIDTH = 1024;
    static final int SAMPLES = 24;

    static ConformanceKit.Report check(String attention, Inputs x) {
        return check(attention, x, SAMPLES);
    }

    static ConformanceKit.Report check(String attention, Inputs x, int samples) {
        Architecture a = Ntk4j.create().parse("{\"layers\": [" + attention
                + ", {\"type\": \"testMeanPool\"}, {\"type\": \"dense\", \"wStd\": 1.0, \"bStd\": 0.1}]}");
        long t0 = System.nanoTime();
        ConformanceKit.Report r = ConformanceKit.check(a, x, null, WIDTH, samples, 11);
        System.out.printf("%s: %s in %.1f s%n", attention, r, (System.nanoTime() - t0) / 1e9);
        return r;
    }

    @Test
    void plainAttention() {
        ConformanceKit.Report r = check("{\"type\": \"attention\", \"qkStd\": 1.5, \"vStd\": 1.2, \"oStd\": 0.9, \"bStd\": 0.3}",
                SequenceInputs.random(3, 4, 5, 1, null));
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }

    @Test
    void positionalEmbeddingsAndTwoHeads() {
        ConformanceKit.Report r = check("{\"type\": \"attention\", \"heads\": 2, \"qkStd\": 1.3, \"posEmb\": \"sum\", "
                + "\"posStd\": 1.2, \"posDecay\": 0.6}", SequenceInputs.random(3, 4, 5, 3, null));
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }

}
