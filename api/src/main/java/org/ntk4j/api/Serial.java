package org.ntk4j.api;

import java.util.ArrayList;
import java.util.List;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * Layers one after another: the building block of a whole network, of {@code serial}, and of the
 * branches of combinators (an empty chain is the identity). Plugins may use it for their own
 * composite layers.
 */
public final class Serial implements Layer {
    private final String type;
    private final String path;
    private final List<Layer> layers;

    public Serial(String type, String path, List<Layer> layers) {
        this.type = type;
        this.path = path;
        this.layers = fused(layers);
    }

    /** The chain with every pair that asks for it fused (see {@link Layer#fuseWith}). */
    private static List<Layer> fused(List<Layer> layers) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            Layer merged = out.isEmpty() ? null : out.get(out.size() - 1).fuseWith(l);
            if (merged != null) {
                out.set(out.size() - 1, merged);
            } else {
                out.add(l);
            }
        }
        return List.copyOf(out);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        Shape s = in;
        for (Layer l : layers) {
            s = l.outputShape(s);
        }
        return s;
    }

    @Override
    public KernelState apply(KernelState in) {
        KernelState s = in;
        for (Layer l : layers) {
            s = l.apply(s);
        }
        return s;
    }

    @Override
    public boolean needsPositionCovariance() {
        return layers.stream().anyMatch(Layer::needsPositionCovariance);
    }

    /** Folded from the last layer back: each layer reads what it needs of what its input must carry. */
    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        OwnCovariance need = after;
        for (int i = layers.size() - 1; i >= 0; i--) {
            need = layers.get(i).ownCovarianceRead(need);
        }
        return need;
    }

    @Override
    public boolean isBatchCoupled() {
        return layers.stream().anyMatch(Layer::isBatchCoupled);
    }

    /** The diagnostics of every layer of the chain that has some, by layer path (nested chains flattened). */
    @Override
    public java.util.Map<String, Object> diagnostics() {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
        for (Layer l : layers) {
            java.util.Map<String, Object> d = l.diagnostics();
            if (d.isEmpty()) {
                continue;
            }
            if (l instanceof Serial) {
                all.putAll(d);
            } else {
                all.put(l.path(), d);
            }
        }
        return all;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        boolean fresh = inputFresh;
        for (Layer l : layers) {
            fresh = l.isFresh(fresh);
        }
        return fresh;
    }

    @Override
    public FiniteLayer finite(FiniteContext context) {
        List<FiniteLayer> twins = new ArrayList<>();
        Shape s = context.input();
        for (Layer l : layers) {
            FiniteLayer t = context.finite(l, s);
            twins.add(t);
            s = t.output();
        }
        return new FiniteChain(twins, s);
    }

    private static final class FiniteChain implements FiniteLayer {
        private final List<FiniteLayer> twins;
        private final Shape output;

        FiniteChain(List<FiniteLayer> twins, Shape output) {
            this.twins = twins;
            this.output = output;
        }

        @Override
        public Batch forward(Batch x) {
            Batch b = x;
            for (FiniteLayer t : twins) {
                b = t.forward(b);
            }
            return b;
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            // Gradients must come out in parameters() order: collect per layer, then replay.
            List<List<double[]>> perLayer = new ArrayList<>();
            Batch g = cot;
            for (int i = twins.size() - 1; i >= 0; i--) {
                List<double[]> mine = new ArrayList<>();
                g = twins.get(i).backward(g, mine::add);
                perLayer.add(0, mine);
            }
            for (List<double[]> l : perLayer) {
                l.forEach(gradients::add);
            }
            return g;
        }

        @Override
        public Shape output() {
            return output;
        }

        @Override
        public List<double[]> parameters() {
            List<double[]> p = new ArrayList<>();
            twins.forEach(t -> p.addAll(t.parameters()));
            return p;
        }
    }
}
