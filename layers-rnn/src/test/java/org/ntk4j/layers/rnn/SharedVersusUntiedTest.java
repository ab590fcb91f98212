package org.ntk4j.layers.rnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.Parameterization;
import org.ntk4j.engine.compute.Inputs;

/**
 * A property of the limit: for equal-length sequences and {@code output: "last"}, sharing W, U, β
 * across time changes neither kernel. The shared-weight rule (which keeps only pairs of uses at equal
 * distance from the output) is checked against Monte Carlo over networks with fresh weights per step.
 */
class SharedVersusUntiedTest {

    @Test
    void lastOutputKernelsOfSharedWeightsEqualThoseOfUntiedWeights() {
        Rnn shared = Rnn.of("layers[0]", TestActivations.tanh(), 1.3, 1.0, 0.3, "last", Parameterization.NTK, 1024);
        Inputs x = SequenceStates.inputs(SequenceStates.random(3, 3, 4, 23), null);
        Conformance.Errors e = Conformance.check("shared kernels vs untied twins",
                Conformance.withReadout(new UntiedTwin(shared, TestActivations.tanh().function(), 1.3, 1.0, 0.3)),
                x, 1024, 20, 29);
        assertThat(e.nngp()).isLessThan(0.05);
        assertThat(e.ntk()).isLessThan(0.05);
    }
}
