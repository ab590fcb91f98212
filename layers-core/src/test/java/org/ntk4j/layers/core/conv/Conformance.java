package org.ntk4j.layers.core.conv;

import java.util.List;
import java.util.Locale;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Serial;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.finite.MonteCarloKernels;

/**
 * Monte Carlo comparison of a vector network built in code (with a fused test activation) and its
 * finite twins, the same check as the engine's ConformanceKit. The infinite-width side runs the
 * layers on the joint state of x1 and x2 stacked, as the engine does for batch-coupled networks.
 */
final class Conformance {

    private Conformance() {
    }

    record Report(double nngpError, double ntkError, long exactMillis, long monteCarloMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "NNGP rel. Frobenius error %.4f, NTK %.4f (exact %d ms, Monte Carlo %d ms)",
                    nngpError, ntkError, exactMillis, monteCarloMillis);
        }
    }

    static Report check(List<Layer> layers, Parameterization p, double[][] x1, double[][] x2, int width, int samples,
                        long seed) {
        Layer net = new Serial("network", "layers", layers);
        long t0 = System.nanoTime();
        int n1 = x1.length;
        int n2 = x2.length;
        double[][] all = new double[n1 + n2][];
        int[] batchOf = new int[n1 + n2];
        for (int i = 0; i < n1 + n2; i++) {
            all[i] = i < n1 ? x1[i] : x2[i - n1];
            batchOf[i] = i < n1 ? 0 : 1;
        }
        int n = all.length;
        int d = all[0].length;
        KernelState s = KernelState.createJoint(n, new int[0], KernelState.Positions.NONE, d, true, null, batchOf);
        double[] gram = BatchNormKernelTest.gram(all);
        System.arraycopy(gram, 0, s.cross(), 0, n * n);
        for (int i = 0; i < n; i++) {
            s.self1()[i] = gram[i * n + i];
            s.self2()[i] = gram[i * n + i];
        }
        KernelState out = net.apply(s);
        double[] k = new double[n1 * n2];
        double[] t = new double[n1 * n2];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                k[i * n2 + j] = out.cross()[i * n + n1 + j];
                t[i * n2 + j] = out.ntk()[i * n + n1 + j];
            }
        }
        long t1 = System.nanoTime();
        MonteCarloKernels.Estimate mc = MonteCarloKernels.estimate(net, p, Inputs.of(x1), Inputs.of(x2), width, samples, seed);
        long t2 = System.nanoTime();
        return new Report(MonteCarloKernels.relativeFrobenius(mc.nngp(), k),
                MonteCarloKernels.relativeFrobenius(mc.ntk(), t), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
