package org.ntk4j.api;

import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/**
 * A configured layer: its infinite-width rules (NNGP and NTK propagation on a {@link KernelState})
 * and its finite-width twin. Instances are immutable and may be applied from many threads at once.
 */
public interface Layer {

    /** The JSON {@code type}. */
    String type();

    /** Where the layer sits in the spec, e.g. {@code layers[3]}, for error messages. */
    String path();

    /**
     * The output shape for an input shape, or a {@link SpecException} naming {@link #path()} when the
     * input does not fit (wrong rank, window larger than the input, ...) or when the layer's rule is
     * not exact for it (see {@link Shape#gaussian()} and {@link Shape#centred()}). The output's flags
     * say what the layer makes of its input's: weight layers return {@link Shape#fromWeights()}.
     */
    Shape outputShape(Shape in);

    /**
     * Propagates the kernels through the layer: NNGP always, NTK when {@link KernelState#hasNtk()}.
     * May update {@code in} in place and return it, or return a new state (when positions change).
     */
    KernelState apply(KernelState in);

    /** True when the layer needs covariances between different positions (pooling, attention, rnn). */
    default boolean needsPositionCovariance() {
        return false;
    }

    /**
     * What this layer reads of each input's own covariance, given what the layers after it read of
     * its output's ({@code after}): the layer's input must carry at least that. The default, FULL,
     * is right for any layer; a layer that returns less must accept a FULL-mode state whose own
     * covariances are {@linkplain KernelState#ownDiagonalOnly() diagonal only}, and one that
     * returns UNUSED may fill its output's own covariances with NaN.
     */
    default OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return OwnCovariance.FULL;
    }

    /**
     * True when an input's output depends on other inputs of its batch (batchNorm). The engine then
     * computes x1 and x2 jointly instead of in independent tiles.
     */
    default boolean isBatchCoupled() {
        return false;
    }

    /**
     * True when the output is a zero-mean function of weights used nowhere else, hence uncorrelated
     * (NNGP and NTK) with any other branch: what makes the independent-branch rule of {@code sum},
     * {@code residual} and {@code concat} exact. {@code inputFresh} says the same of the input.
     */
    default boolean isFresh(boolean inputFresh) {
        return false;
    }

    /**
     * Lets this layer absorb the next one of its chain when only their joint rule is exact (batchNorm
     * followed by an activation: after batchNorm the values are no longer Gaussian, so the activation's
     * own dual would be wrong). Returns the fused layer, or null to keep them apart. {@link Serial}
     * asks this of every consecutive pair when it is built.
     */
    default Layer fuseWith(Layer next) {
        return null;
    }

    /** The activation this layer applies coordinatewise, or null when it is not an activation layer. */
    default Activation activation() {
        return null;
    }

    /**
     * What the layer measured while computing that users should see, e.g. the standard error of a
     * Monte Carlo expectation; reported in {@code summary.json} under the layer's path. Empty by
     * default.
     */
    default java.util.Map<String, Object> diagnostics() {
        return java.util.Map.of();
    }

    /** The finite-width twin of this layer, with freshly initialised random parameters. */
    FiniteLayer finite(FiniteContext context);
}
