package org.ntk4j.api;

/**
 * Gaussian expectations for activations that have no closed form. The engine provides a scalar
 * implementation; {@code kernels-simd} may replace it. Both must satisfy the same contract tests.
 */
public interface NumericCore {

    /** Name for logs and {@code summary.json}, e.g. "scalar" or "simd(256-bit)". */
    String name();

    /**
     * A quadrature dual for φ. {@code degree <= 0} asks for the automatic rule, which must reach
     * 1e-6 relative accuracy (NNGP and NTK) for variances up to 10; a positive degree asks for
     * plain Gauss–Hermite of that degree (what Neural Tangents does), for comparison.
     */
    DualActivation quadrature(ActivationFunction f, int degree);

    /**
     * A faster implementation of a known activation's closed-form dual, if this core has one (the
     * SIMD core vectorises the relu family, erf, ...). It must agree with the activation's own
     * {@link ActivationFunction#closedForm()} to 1e-12 relative. {@code params} are the activation's
     * validated parameters. The default core has none.
     */
    default java.util.Optional<DualActivation> closedForm(String activation, LayerConfig params) {
        return java.util.Optional.empty();
    }

    /**
     * Waits, at most {@code maxMillis}, while this core still makes its code fast in the background
     * (the SIMD core has its vector code compiled by a warm-up thread): before a long computation
     * that costs less than running the slow code meanwhile. The default returns at once.
     */
    default void awaitWarm(long maxMillis) {
    }

    /** The array loops of this core (conv and pooling window sums). */
    default ArrayOps arrays() {
        return ArrayOps.SCALAR;
    }

    /** A Monte Carlo dual with the given sample count and seed (common random numbers). */
    DualActivation monteCarlo(ActivationFunction f, int samples, long seed);
}
