package org.ntk4j.layers.rnn;

import java.util.Locale;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Monte Carlo error estimate of a gru's kernels: the standard error of every output entry (from
 * the spread of independent groups of samples) aggregated like the relative Frobenius error,
 * {@code sqrt(Σ se²) / sqrt(Σ K²)} over the cross entries computed so far, separately for NNGP and NTK.
 */
public record MonteCarloError(double nngpRelative, double ntkRelative, long entries, int samples) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "gru Monte Carlo standard error: NNGP %.2e, NTK %.2e relative "
                + "(%d entries, %d samples)", nngpRelative, ntkRelative, entries, samples);
    }

    /** Thread-safe running sums (tiles run in parallel). */
    static final class Accumulator {
        private final int samples;
        private final DoubleAdder nngpErr2 = new DoubleAdder();
        private final DoubleAdder nngp2 = new DoubleAdder();
        private final DoubleAdder ntkErr2 = new DoubleAdder();
        private final DoubleAdder ntk2 = new DoubleAdder();
        private final LongAdder entries = new LongAdder();

        Accumulator(int samples) {
            this.samples = samples;
        }

        void add(double value, double stdErr, boolean ntk) {
            (ntk ? ntkErr2 : nngpErr2).add(stdErr * stdErr);
            (ntk ? ntk2 : nngp2).add(value * value);
            if (!ntk) {
                entries.increment();
            }
        }

        MonteCarloError snapshot() {
            double k = nngp2.sum();
            double t = ntk2.sum();
            return new MonteCarloError(k == 0 ? 0 : Math.sqrt(nngpErr2.sum() / k),
                    t == 0 ? 0 : Math.sqrt(ntkErr2.sum() / t), entries.sum(), samples);
        }
    }
}
