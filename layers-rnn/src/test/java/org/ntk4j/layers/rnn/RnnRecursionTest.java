package org.ntk4j.layers.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.Activation;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Parameterization;

class RnnRecursionTest {

    private static final double[][][] GP4A = {
            {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}},
            {{0, 0, 1}, {1, 0, 1}, {0, 1, 1}}};

    private static Rnn rnn(Activation act, double w, double u, double b, String output) {
        return Rnn.of("layers[0]", act, w, u, b, output, Parameterization.NTK, 1024);
    }

    @Test
    void reproducesGreg_YangsGp4aErfValues() {
        // GP4A (Tensor Programs I) RNN notebook, erf, wStd = uStd = 1, bStd = 0, readout wStd 1 (a factor 1).
        KernelState s = rnn(TestActivations.erf(), 1, 1, 0, "sequence")
                .apply(SequenceStates.state(GP4A, null, GP4A, null, false, 0));
        int e = 9;
        assertThat(s.self1()[0]).isCloseTo(0.26198, within(5e-6));
        assertThat(s.self1()[2 * 3 + 2]).isCloseTo(0.470618, within(5e-7));
        assertThat(s.cross()[(0 * 2 + 1) * e + 2 * 3 + 2]).isCloseTo(0.135827, within(5e-7));
        assertThat(s.self1()[e + 2 * 3 + 2]).isCloseTo(0.485494, within(5e-7));
        // The cross block of a sequence with itself is its self block.
        assertThat(s.cross()[(1 * 2 + 1) * e + 2 * 3 + 2]).isCloseTo(0.485494, within(5e-7));
    }

    @Test
    void everyOutputModeMatchesAnIndependentScalarRecursionWithMasks() {
        double[][][] x1 = SequenceStates.random(3, 4, 5, 11);
        double[][][] x2 = SequenceStates.random(2, 4, 5, 12);
        boolean[][] m1 = {{true, true, true, true}, {true, false, true, false}, {false, true, true, true}};
        boolean[][] m2 = {{true, true, false, false}, {true, true, true, true}};
        double ntkScale = 0.7;
        for (Activation act : new Activation[]{TestActivations.erf(), TestActivations.relu()}) {
            for (String mode : new String[]{"last", "mean", "sequence"}) {
                KernelState s = rnn(act, 1.3, 0.8, 0.4, mode)
                        .apply(SequenceStates.state(x1, m1, x2, m2, true, ntkScale));
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        ScalarRnnReference ref = new ScalarRnnReference(act.dual(), 1.3, 0.8, 0.4, x1[i], m1[i], x2[j],
                                m2[j], ntkScale);
                        String where = act.name() + " " + mode + " pair " + i + "," + j;
                        if (mode.equals("sequence")) {
                            for (int p = 0; p < 4; p++) {
                                for (int q = 0; q < 4; q++) {
                                    double[] r = ref.atTimes(0, p, 1, q);
                                    int at = (i * 2 + j) * 16 + p * 4 + q;
                                    assertThat(s.cross()[at]).as(where).isCloseTo(r[0], within(1e-12));
                                    assertThat(s.ntk()[at]).as(where).isCloseTo(r[1], within(1e-12));
                                }
                            }
                        } else {
                            double[] r = mode.equals("last") ? ref.last(0, 1) : ref.mean(0, 1);
                            assertThat(s.cross()[i * 2 + j]).as(where).isCloseTo(r[0], within(1e-12));
                            assertThat(s.ntk()[i * 2 + j]).as(where).isCloseTo(r[1], within(1e-12));
                        }
                    }
                }
                for (int i = 0; i < 3; i++) {
                    ScalarRnnReference ref = new ScalarRnnReference(act.dual(), 1.3, 0.8, 0.4, x1[i], m1[i], x1[i],
                            m1[i], ntkScale);
                    double expected = switch (mode) {
                        case "last" -> ref.last(0, 1)[0];
                        case "mean" -> ref.mean(0, 1)[0];
                        default -> ref.atTimes(0, 3, 1, 1)[0];
                    };
                    double actual = mode.equals("sequence") ? s.self1()[i * 16 + 3 * 4 + 1] : s.self1()[i];
                    assertThat(actual).as(act.name() + " " + mode + " self " + i).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }
}
