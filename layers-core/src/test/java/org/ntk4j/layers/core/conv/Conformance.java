package org.ntk4j.layers.core.conv;

import java.util.List;
import java.util.Locale;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Serial;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelComputer;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.compute.KernelOptions;
import org.ntk4j.engine.finite.MonteCarloKernels;

/**
 * Monte Carlo comparison of a network built in code (layers not yet in the catalog, or fused test
 * activations) with its finite twins, the same check as the engine's ConformanceKit.
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

    static Report check(List<Layer> layers, Parameterization p, Inputs x1, Inputs x2, int width, int samples, long seed) {
        Layer net = new Serial("network", "layers", layers);
        long t0 = System.nanoTime();
        KernelMatrices.Collector c = new KernelMatrices.Collector(x1.count(), x2 == null ? x1.count() : x2.count(), true);
        new KernelComputer(net, KernelOptions.defaults()).compute(x1, x2, c);
        KernelMatrices exact = c.result();
        long t1 = System.nanoTime();
        MonteCarloKernels.Estimate mc = MonteCarloKernels.estimate(net, p, x1, x2, width, samples, seed);
        long t2 = System.nanoTime();
        return new Report(MonteCarloKernels.relativeFrobenius(mc.nngp(), exact.nngp()),
                MonteCarloKernels.relativeFrobenius(mc.ntk(), exact.ntk()), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }
}
