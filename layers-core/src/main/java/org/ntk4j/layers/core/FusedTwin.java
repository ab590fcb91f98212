package org.ntk4j.layers.core;

import java.util.ArrayList;
import java.util.List;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * The finite twin of a fused pair of layers (a linear layer and the activation after it): the two
 * layers' own twins in turn. Fusion changes how the kernels are computed, never the network.
 */
public final class FusedTwin {

    private FusedTwin() {
    }

    /** The twins of {@code first} and then {@code second} on the context's input. */
    public static FiniteLayer of(FiniteContext context, Layer first, Layer second) {
        FiniteLayer a = context.finite(first, context.input());
        FiniteLayer b = context.finite(second, a.output());
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
