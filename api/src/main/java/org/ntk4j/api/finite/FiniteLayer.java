package org.ntk4j.api.finite;

import java.util.List;
import org.ntk4j.api.Shape;

/**
 * The finite-width twin of a layer: a real network layer with random parameters, used by the Monte
 * Carlo tests (and the gradient-descent ensembles of gp-dynamics) to check the infinite-width rules.
 *
 * <p>{@link #backward} may be called several times after one {@link #forward} (once per output
 * whose gradient is wanted); it must not change what forward cached.
 */
public interface FiniteLayer {

    /** Forward pass over a batch; caches what backward needs. */
    Batch forward(Batch input);

    /**
     * Backward pass: given the cotangent of the scalar being differentiated with respect to this
     * layer's output, returns the cotangent with respect to its input and hands the gradient of
     * each of its {@link #parameters()} (same order, same lengths) to {@code gradients}.
     */
    Batch backward(Batch outputCotangent, Gradients gradients);

    /** The shape of one output of this twin (its channel count is a real, finite width). */
    Shape output();

    /** The trainable parameters, as live arrays (training updates them in place). */
    List<double[]> parameters();
}
