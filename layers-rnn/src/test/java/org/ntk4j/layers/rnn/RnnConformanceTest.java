package org.ntk4j.layers.rnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.Activation;
import org.ntk4j.api.Parameterization;
import org.ntk4j.engine.compute.Inputs;

/**
 * The rnn kernels against wide finite twins (width 1024): each activation with one output mode, each
 * on a masked batch of sequences of different lengths (3 sequences, T = 3, to stay near 2 s of CPU a
 * case). 20 samples suffice: at 40 samples the six activation × mode × masked/unmasked combinations
 * measured NNGP errors 0.012–0.021 and NTK 0.003–0.011, at 20 samples 0.012–0.023 and 0.005–0.010
 * (the NNGP sample already averages the 1024 readout units; the NTK of a unit concentrates).
 */
class RnnConformanceTest {
    private static final int WIDTH = 1024;
    private static final int SAMPLES = 20;

    private static Rnn rnn(Activation act, String output) {
        return Rnn.of("layers[0]", act, 1.2, 0.9, 0.3, output, Parameterization.NTK, 1024);
    }

    private static Inputs x(boolean[][] mask) {
        return SequenceStates.inputs(SequenceStates.random(3, 3, 4, 5), mask);
    }

    private static void assertConforms(String label, org.ntk4j.api.Layer network, Inputs x) {
        Conformance.Errors e = Conformance.check(label, network, x, WIDTH, SAMPLES, 17);
        assertThat(e.nngp()).as(label + " NNGP").isLessThan(0.05);
        assertThat(e.ntk()).as(label + " NTK").isLessThan(0.05);
    }

    /** Different lengths: full, a trailing masked step, and one present step between masked ones. */
    private static final boolean[][] MASK = {{true, true, true}, {true, true, false}, {false, true, false}};

    @Test
    void tanhLast() {
        assertConforms("tanh last", Conformance.withReadout(rnn(TestActivations.tanh(), "last")), x(MASK));
    }

    @Test
    void reluMean() {
        assertConforms("relu mean", Conformance.withReadout(rnn(TestActivations.relu(), "mean")), x(MASK));
    }

    @Test
    void erfSequence() {
        assertConforms("erf sequence", Conformance.withReadout(rnn(TestActivations.erf(), "sequence"),
                new TimePool(0.9, -0.5, 1.3)), x(MASK));
    }

    @Test
    void erfLastUnderTheStandardParameterization() {
        // Weights N(0, std²/fanIn): same NNGP, an NTK made of unscaled gradients (fanIn × covariance, 1 per bias).
        Rnn r = Rnn.of("layers[0]", TestActivations.erf(), 1.2, 0.9, 0.3, "last", Parameterization.STANDARD, 1024);
        Conformance.Errors e = Conformance.check("erf last standard",
                Conformance.withReadout(Parameterization.STANDARD, r), Parameterization.STANDARD, x(MASK), WIDTH,
                SAMPLES, 19);
        assertThat(e.nngp()).isLessThan(0.05);
        assertThat(e.ntk()).isLessThan(0.05);
    }
}
