package org.ntk4j.engine;

import java.util.Locale;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.finite.MonteCarloKernels;

/**
 * The plugin conformance kit: compares a layer's infinite-width kernels with Monte Carlo averages
 * over wide random finite networks built from the same JSON (its finite-width twin). A plugin's
 * test needs one line:
 *
 * <pre>{@code
 * ConformanceKit.assertConforms("{\"layers\": [{\"type\": \"myLayer\"}, {\"type\": \"dense\"}]}", inputs, 0.05);
 * }</pre>
 *
 * The error is the relative Frobenius norm {@code ||K_mc − K|| / ||K||}; Neural Tangents accepts
 * 0.041 at width 1024 with 100 samples. It falls like width^-1/2 and samples^-1/2.
 */
public final class ConformanceKit {

    public static final int DEFAULT_WIDTH = 1024;
    public static final int DEFAULT_SAMPLES = 100;

    private ConformanceKit() {
    }

    /** Errors of one comparison. */
    public record Report(double nngpError, double ntkError, KernelMatrices exact, MonteCarloKernels.Estimate estimate,
                         int width, int samples) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "NNGP rel. Frobenius error %.4f, NTK %.4f (width %d, %d samples)",
                    nngpError, ntkError, width, samples);
        }
    }

    /** Compares the kernels of {@code arch} with its twins; {@code x2 == null} means x2 = x1. */
    public static Report check(Architecture arch, Inputs x1, Inputs x2, int width, int samples, long seed) {
        KernelMatrices exact = arch.kernels(x1, x2);
        MonteCarloKernels.Estimate mc = arch.monteCarlo(x1, x2, width, samples, seed);
        return new Report(MonteCarloKernels.relativeFrobenius(mc.nngp(), exact.nngp()),
                MonteCarloKernels.relativeFrobenius(mc.ntk(), exact.ntk()), exact, mc, width, samples);
    }

    /**
     * Asserts that both kernels of the architecture in {@code json} agree with width-1024 twins
     * averaged over 100 samples within {@code tolerance}; plugins are found on the classpath.
     */
    public static Report assertConforms(String json, Inputs x, double tolerance) {
        Architecture arch = Ntk4j.create().parse(json, "conformance");
        Report r = check(arch, x, null, DEFAULT_WIDTH, DEFAULT_SAMPLES, 1);
        if (!(r.nngpError() <= tolerance && r.ntkError() <= tolerance)) {
            throw new AssertionError("infinite-width kernels disagree with finite twins: " + r
                    + ", tolerance " + tolerance);
        }
        return r;
    }
}
