package org.ntk4j.layers.core;

import java.util.Map;
import org.ntk4j.api.Activation;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.Pointwise;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/**
 * {@code dense} and the coordinatewise activation after it, as one layer: the same kernels as the two
 * applied in turn, but each row of the kernel is updated by the dense layer and then transformed by
 * the activation's dual while it is in cache, one pass over the tile instead of two (an MLP is only
 * such pairs). Everything else (shapes, checks, twins) is the two layers' own.
 */
final class DenseActivation implements Layer {
    private final Dense dense;
    private final Layer activation;

    DenseActivation(Dense dense, Layer activation) {
        this.dense = dense;
        this.activation = activation;
    }

    @Override
    public String type() {
        return dense.type();
    }

    @Override
    public String path() {
        return dense.path();
    }

    @Override
    public Activation activation() {
        return null;
    }

    @Override
    public Shape outputShape(Shape in) {
        return activation.outputShape(dense.outputShape(in));
    }

    @Override
    public KernelState apply(KernelState s) {
        int fanIn = s.channels();
        // Own covariances first: the dual reads the variances of the dense layer's output from them.
        dense.affineOwn(s);
        return Pointwise.apply(s, activation.activation().dual(),
                (cross, ntk, from, n) -> dense.affineRun(cross, ntk, from, n, fanIn));
    }

    @Override
    public boolean needsPositionCovariance() {
        return dense.needsPositionCovariance() || activation.needsPositionCovariance();
    }

    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return dense.ownCovarianceRead(activation.ownCovarianceRead(after));
    }

    @Override
    public boolean isBatchCoupled() {
        return dense.isBatchCoupled() || activation.isBatchCoupled();
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        return activation.isFresh(dense.isFresh(inputFresh));
    }

    @Override
    public Map<String, Object> diagnostics() {
        return activation.diagnostics();
    }

    @Override
    public FiniteLayer finite(FiniteContext context) {
        return FusedTwin.of(context, dense, activation);
    }
}
