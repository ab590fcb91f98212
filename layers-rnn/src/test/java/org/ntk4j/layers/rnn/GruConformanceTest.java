package org.ntk4j.layers.rnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.layers.core.Dense;

/**
 * The gru kernels (Monte Carlo over the limit's Gaussian gates) against wide finite twins, NNGP and
 * NTK, on a masked batch of different lengths. "last" after a dense layer (so an input NTK enters)
 * and "sequence" (every pair of steps, weighted); "mean" shares the sequence expectations and is
 * checked exactly against them in {@link GruKernelTest}. A gru twin costs three rnn twins, so 20
 * samples of 3 short sequences: measured errors NNGP 0.025 / 0.016, NTK 0.024 / 0.020, of which the
 * kernels' own Monte Carlo standard error at 8192 samples is about 0.014 (NNGP) and 0.022–0.027 (NTK).
 */
class GruConformanceTest {
    private static final boolean[][] MASK = {{true, true, true}, {true, true, false}, {false, true, true}};

    private static Inputs x() {
        return SequenceStates.inputs(SequenceStates.random(3, 3, 4, 41), MASK);
    }

    private static Gru gru(String output) {
        return Gru.of("layers[1]", 1.1, 1.0, 0.3, output, 8192, 3, Parameterization.NTK, 1024);
    }

    private static void assertConforms(String label, Layer network, Gru gru) {
        Conformance.Errors e = Conformance.check(label, network, x(), 1024, 20, 43);
        System.out.println("  " + gru.errorEstimate());
        assertThat(e.nngp()).as(label + " NNGP").isLessThan(0.05);
        assertThat(e.ntk()).as(label + " NTK").isLessThan(0.05);
    }

    @Test
    void lastAfterADenseLayer() {
        // The dense layer before gives the gru an input NTK, which enters through U_g at every step.
        Gru g = gru("last");
        assertConforms("gru last", Conformance.withReadout(new Dense("layers[0]", 1.2, 0.2, 1024,
                Parameterization.NTK), g), g);
    }

    @Test
    void sequence() {
        Gru s = gru("sequence");
        assertConforms("gru sequence", Conformance.withReadout(s, new TimePool(0.9, -0.5, 1.3)), s);
    }
}
