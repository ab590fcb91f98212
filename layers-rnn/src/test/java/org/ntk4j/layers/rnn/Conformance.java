package org.ntk4j.layers.rnn;

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
import org.ntk4j.layers.core.Dense;

/** Infinite-width kernels of a chain of layers against Monte Carlo over its finite twins. */
final class Conformance {

    record Errors(double nngp, double ntk, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "NNGP %.4f, NTK %.4f rel. Frobenius (%.1f s)", nngp, ntk, seconds);
        }
    }

    private Conformance() {
    }

    /** The layers followed by a dense readout (wStd 1, bStd 0), as the kernels are those of one output unit. */
    static Layer withReadout(Layer... layers) {
        return withReadout(Parameterization.NTK, layers);
    }

    static Layer withReadout(Parameterization p, Layer... layers) {
        List<Layer> all = new java.util.ArrayList<>(List.of(layers));
        all.add(new Dense("readout", 1.0, 0.0, 1024, p));
        return new Serial("network", "layers", all);
    }

    static KernelMatrices exact(Layer network, Inputs x) {
        KernelMatrices.Collector c = new KernelMatrices.Collector(x.count(), x.count(), true);
        new KernelComputer(network, KernelOptions.defaults(), new org.ntk4j.engine.linalg.EjmlLinearAlgebra()).compute(x, null, c);
        return c.result();
    }

    static Errors check(String label, Layer network, Inputs x, int width, int samples, long seed) {
        return check(label, network, Parameterization.NTK, x, width, samples, seed);
    }

    static Errors check(String label, Layer network, Parameterization p, Inputs x, int width, int samples,
                        long seed) {
        long t0 = System.nanoTime();
        KernelMatrices k = exact(network, x);
        MonteCarloKernels.Estimate mc = MonteCarloKernels.estimate(network, p, x, null, width,
                samples, seed);
        Errors e = new Errors(MonteCarloKernels.relativeFrobenius(mc.nngp(), k.nngp()),
                MonteCarloKernels.relativeFrobenius(mc.ntk(), k.ntk()), (System.nanoTime() - t0) / 1e9);
        System.out.println(label + ": " + e + " width " + width + ", " + samples + " samples");
        return e;
    }
}
