package org.ntk4j.layers.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Parameterization;

/** Deterministic properties of the gru's Monte Carlo kernels, and the honesty of its error estimate. */
class GruKernelTest {
    private static final double[][][] X = SequenceStates.random(3, 4, 3, 51);
    private static final boolean[][] MASK = {{true, true, true, true}, {true, false, true, false},
            {false, true, true, true}};

    private static KernelState run(Gru g) {
        return g.apply(SequenceStates.state(X, MASK, X, MASK, true, 0.6));
    }

    private static Gru gru(String output, int samples, long seed) {
        return Gru.of("gru", 1.0, 1.2, 0.2, output, samples, seed, Parameterization.NTK, 1024);
    }

    @Test
    void meanOutputIsTheMeanOfTheSequenceOutputOverPresentSteps() {
        // Same seed, same normals: the two outputs are averages of the very same samples.
        KernelState seq = run(gru("sequence", 256, 5));
        KernelState mean = run(gru("mean", 256, 5));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double k = 0;
                double t = 0;
                int count = 0;
                for (int p = 0; p < 4; p++) {
                    for (int q = 0; q < 4; q++) {
                        if (MASK[i][p] && MASK[j][q]) {
                            k += seq.cross()[(i * 3 + j) * 16 + p * 4 + q];
                            t += seq.ntk()[(i * 3 + j) * 16 + p * 4 + q];
                            count++;
                        }
                    }
                }
                assertThat(mean.cross()[i * 3 + j]).isCloseTo(k / count, within(1e-12));
                assertThat(mean.ntk()[i * 3 + j]).isCloseTo(t / count, within(1e-12));
            }
        }
    }

    @Test
    void identicalSequencesGiveTheSelfCovarianceAndMaskedStepsCarryOver() {
        KernelState seq = run(gru("sequence", 16384, 5));
        // Row 1 has steps 0 and 2 present: at time 1 it shows the state of time 0, at time 3 that of time 2.
        int self = 16;
        assertThat(seq.self1()[self + 1 * 4 + 1]).isEqualTo(seq.self1()[self]);
        assertThat(seq.self1()[self + 3 * 4 + 3]).isEqualTo(seq.self1()[self + 2 * 4 + 2]);
        // Row 2 starts masked: h_0 = 0 there.
        assertThat(seq.self1()[2 * 16]).isZero();
        // The pair (i, i) is the same sequence twice: its cross block equals the self block up to the Monte Carlo.
        for (int i = 0; i < 3; i++) {
            assertThat(seq.cross()[(i * 3 + i) * 16 + 3 * 4 + 3]).isCloseTo(seq.self1()[i * 16 + 3 * 4 + 3],
                    within(0.05 * seq.self1()[i * 16 + 3 * 4 + 3] + 1e-12));
        }
    }

    @Test
    void errorEstimateMatchesTheActualErrorAgainstMoreSamples() {
        KernelState ref = run(gru("last", 1 << 16, 99));
        double[] measured = new double[2];
        double[] estimated = new double[2];
        for (long seed = 1; seed <= 2; seed++) {
            Gru g = gru("last", Gru.DEFAULT_SAMPLES, seed);
            KernelState s = run(g);
            MonteCarloError err = g.errorEstimate();
            double k = org.ntk4j.engine.finite.MonteCarloKernels.relativeFrobenius(s.cross(), ref.cross());
            double t = org.ntk4j.engine.finite.MonteCarloKernels.relativeFrobenius(s.ntk(), ref.ntk());
            System.out.printf("seed %d: measured NNGP %.4f NTK %.4f, estimated %s%n", seed, k, t, err);
            measured[0] += k * k / 2;
            measured[1] += t * t / 2;
            estimated[0] += err.nngpRelative() * err.nngpRelative() / 2;
            estimated[1] += err.ntkRelative() * err.ntkRelative() / 2;
        }
        for (int q = 0; q < 2; q++) {
            double ratio = Math.sqrt(measured[q] / estimated[q]);
            assertThat(ratio).as(q == 0 ? "NNGP" : "NTK").isBetween(0.3, 3.0);
        }
    }
}
