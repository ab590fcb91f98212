package org.ntk4j.layers.core;

import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Pointwise;

/**
 * {@code dense} and the coordinatewise activation after it, as one layer: the same kernels as the two
 * applied in turn, but each row of the kernel is updated by the dense layer and then transformed by
 * the activation's dual while it is in cache, one pass over the tile instead of two (an MLP is only
 * such pairs). Everything else (shapes, checks, twins) is the two layers' own.
 */
final class DenseActivation extends FusedLayer {
    private final Dense dense;

    DenseActivation(Dense dense, Layer activation) {
        super(dense, activation);
        this.dense = dense;
    }

    @Override
    public KernelState apply(KernelState s) {
        int fanIn = s.channels();
        // Own covariances first: the dual reads the variances of the dense layer's output from them.
        dense.affineOwn(s);
        return Pointwise.apply(s, activationLayer().activation().dual(),
                (cross, ntk, from, n) -> dense.affineRun(cross, ntk, from, n, fanIn));
    }
}
