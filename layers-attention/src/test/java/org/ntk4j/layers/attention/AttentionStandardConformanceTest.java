package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.ConformanceKit;
import org.ntk4j.engine.Ntk4j;

/**
 * The standard parameterization, whose NTK carries the finite widths
 * ({@code (heads·n·vStd² + C·oStd²) · A K A'ᵀ + 1 + ...}), against twins of width 1024.
 */
class AttentionStandardConformanceTest {

    @Test
    void standardParameterizationWithTwoHeads() {
        Architecture a = Ntk4j.create().parse("""
                {"parameterization": "standard",
                 "layers": [{"type": "attention", "heads": 2, "qkStd": 1.4, "vStd": 1.1, "oStd": 0.8, "bStd": 0.3,
                             "causal": true, "width": 1024},
                            {"type": "testMeanPool"}, {"type": "dense", "bStd": 0.1, "width": 1024}]}""");
        long t0 = System.nanoTime();
        ConformanceKit.Report r = ConformanceKit.check(a, SequenceInputs.random(3, 4, 5, 41, null), null, 1024, 24, 13);
        System.out.printf("standard: %s in %.1f s%n", r, (System.nanoTime() - t0) / 1e9);
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }
}
