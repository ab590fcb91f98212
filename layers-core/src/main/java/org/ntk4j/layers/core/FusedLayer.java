package org.ntk4j.layers.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ntk4j.api.Activation;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * A linear layer and the coordinatewise activation after it, computed as one layer (see
 * {@link Layer#fuseWith}): fusion changes how the kernels are computed, never the network. So
 * everything but {@link #apply} (shapes, checks, flags, diagnostics, twins) is the two layers' own,
 * here once for every fused pair.
 */
public abstract class FusedLayer implements Layer {
    private final Layer first;
    private final Layer activation;

    protected FusedLayer(Layer first, Layer activation) {
        this.first = first;
        this.activation = activation;
    }

    /** The activation layer of the pair (its dual is {@code activation().activation().dual()}). */
    protected Layer activationLayer() {
        return activation;
    }

    @Override
    public String type() {
        return first.type();
    }

    @Override
    public String path() {
        return first.path();
    }

    /** Not an activation itself: nothing fuses with it again. */
    @Override
    public Activation activation() {
        return null;
    }

    @Override
    public Shape outputShape(Shape in) {
        return activation.outputShape(first.outputShape(in));
    }

    @Override
    public boolean needsPositionCovariance() {
        return first.needsPositionCovariance() || activation.needsPositionCovariance();
    }

    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return first.ownCovarianceRead(activation.ownCovarianceRead(after));
    }

    @Override
    public boolean isBatchCoupled() {
        return first.isBatchCoupled() || activation.isBatchCoupled();
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        return activation.isFresh(first.isFresh(inputFresh));
    }

    @Override
    public Map<String, Object> diagnostics() {
        return activation.diagnostics();
    }

    /** The two layers' own twins in turn. */
    @Override
    public FiniteLayer finite(FiniteContext context) {
        FiniteLayer a = context.finite(first, context.input());
        FiniteLayer b = context.finite(activation, a.output());
        return new FiniteLayer() {
            @Override
            public Batch forward(Batch x) {
                return b.forward(a.forward(x));
            }

            @Override
            public Batch backward(Batch cotangent, Gradients gradients) {
                // Gradients come out in parameters() order: the first layer's, then the second's.
                List<double[]> later = new ArrayList<>();
                Batch g = b.backward(cotangent, later::add);
                Batch out = a.backward(g, gradients);
                later.forEach(gradients::add);
                return out;
            }

            @Override
            public Shape output() {
                return b.output();
            }

            @Override
            public List<double[]> parameters() {
                List<double[]> all = new ArrayList<>(a.parameters());
                all.addAll(b.parameters());
                return all;
            }
        };
    }
}
