package org.ntk4j.layers.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ntk4j.api.Activation;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Pointwise;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

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
        FiniteLayer first = context.finite(dense, context.input());
        FiniteLayer second = context.finite(activation, first.output());
        return new FiniteLayer() {
            @Override
            public Batch forward(Batch x) {
                return second.forward(first.forward(x));
            }

            @Override
            public Batch backward(Batch cotangent, Gradients gradients) {
                // Gradients come out in parameters() order: the dense layer's, then the activation's.
                List<double[]> later = new ArrayList<>();
                Batch g = second.backward(cotangent, later::add);
                Batch out = first.backward(g, gradients);
                later.forEach(gradients::add);
                return out;
            }

            @Override
            public Shape output() {
                return second.output();
            }

            @Override
            public List<double[]> parameters() {
                List<double[]> all = new ArrayList<>(first.parameters());
                all.addAll(second.parameters());
                return all;
            }
        };
    }
}
