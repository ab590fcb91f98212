package org.ntk4j.engine.finite;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.engine.compute.Inputs;

/**
 * The field's own check of infinite-width kernels: build many random finite-width networks from the
 * same architecture and average {@code f(x) f(x')} (NNGP) and {@code <∂f(x)/∂θ, ∂f(x')/∂θ>} (NTK).
 * The NNGP sample of one network averages over all units of its last layer (independent given the
 * layer below); the NTK of one unit concentrates as the width grows, so unit 0 suffices.
 */
public final class MonteCarloKernels {

    private MonteCarloKernels() {
    }

    /**
     * Empirical kernels and their standard errors, row-major {@code n1 × n2}.
     */
    public record Estimate(int n1, int n2, double[] nngp, double[] ntk, double[] nngpStdErr, double[] ntkStdErr) {
    }

    /**
     * Averages over {@code samples} networks of the given hidden width (seeded, reproducible;
     * samples run in parallel). {@code x2 == null} means x2 = x1.
     */
    public static Estimate estimate(Layer network, Parameterization p, Inputs x1, Inputs x2, int width, int samples,
                                    long seed) {
        boolean same = x2 == null || x2 == x1;
        Inputs b2 = same ? x1 : x2;
        int n1 = x1.count();
        int n2 = b2.count();
        Batch batch1 = FiniteNetwork.batchOf(x1);
        Batch batch2 = same ? batch1 : FiniteNetwork.batchOf(b2);
        long[] seeds = new SplittableRandom(seed).longs(samples).toArray();
        double[][] perSample = IntStream.range(0, samples).parallel().mapToObj(s -> {
            FiniteNetwork net = FiniteNetwork.build(network, x1.shape1(), p, width, new SplittableRandom(seeds[s]));
            FiniteNetwork.Evaluation e1 = net.evaluate(batch1);
            FiniteNetwork.Evaluation e2 = same ? e1 : net.evaluate(batch2);
            double[] out = new double[2 * n1 * n2];
            for (int i = 0; i < n1; i++) {
                for (int j = 0; j < n2; j++) {
                    out[i * n2 + j] = e1.unitCovariance(i, e2, j);
                    out[n1 * n2 + i * n2 + j] = e1.tangent(i, e2, j);
                }
            }
            return out;
        }).toArray(double[][]::new);
        int m = n1 * n2;
        double[] mean = new double[2 * m];
        double[] sq = new double[2 * m];
        for (double[] s : perSample) {
            for (int k = 0; k < 2 * m; k++) {
                mean[k] += s[k];
                sq[k] += s[k] * s[k];
            }
        }
        double[] err = new double[2 * m];
        for (int k = 0; k < 2 * m; k++) {
            mean[k] /= samples;
            double var = Math.max(0, sq[k] / samples - mean[k] * mean[k]);
            err[k] = Math.sqrt(var / Math.max(1, samples - 1));
        }
        return new Estimate(n1, n2, java.util.Arrays.copyOf(mean, m), java.util.Arrays.copyOfRange(mean, m, 2 * m),
                java.util.Arrays.copyOf(err, m), java.util.Arrays.copyOfRange(err, m, 2 * m));
    }

    /** Relative Frobenius error {@code ||a − b|| / ||b||}. */
    public static double relativeFrobenius(double[] estimate, double[] exact) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < exact.length; k++) {
            double d = estimate[k] - exact[k];
            num += d * d;
            den += exact[k] * exact[k];
        }
        return Math.sqrt(num / den);
    }
}
