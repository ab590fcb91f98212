package org.ntk4j.layers.core;

import java.util.ArrayList;
import java.util.List;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.Serial;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * Parallel branches on one input, shared by {@code sum} and {@code concat}: each branch is a
 * {@link Serial} chain (an empty one is the identity) that runs on its own copy of the kernel state
 * or of the finite batch, because layers may update their input in place.
 */
final class Branches {
    private final String path;
    private final List<Serial> chains;

    Branches(String path, List<List<Layer>> branches) {
        this.path = path;
        List<Serial> c = new ArrayList<>();
        for (int b = 0; b < branches.size(); b++) {
            c.add(new Serial("branch", branchPath(path, b), branches.get(b)));
        }
        this.chains = List.copyOf(c);
    }

    static String branchPath(String layerPath, int b) {
        return layerPath + ".branches[" + b + "]";
    }

    List<Serial> chains() {
        return chains;
    }

    /** Every branch's output shape for {@code in}; the branches' own errors name their layers. */
    List<Shape> outputShapes(Shape in) {
        List<Shape> out = new ArrayList<>();
        for (Serial c : chains) {
            out.add(c.outputShape(in));
        }
        return out;
    }

    /** Runs every branch on its own copy of {@code in} (the last one may consume {@code in} itself). */
    List<KernelState> apply(KernelState in) {
        List<KernelState> out = new ArrayList<>();
        for (int b = 0; b < chains.size(); b++) {
            KernelState s = b == chains.size() - 1 ? in : in.copy();
            out.add(chains.get(b).apply(s));
        }
        KernelState first = out.get(0);
        for (int b = 1; b < out.size(); b++) {
            KernelState s = out.get(b);
            if (s.mode() != first.mode() || s.entrySize() != first.entrySize()) {
                // outputShape() already checked the shapes; a mode mismatch is a layer bug.
                throw new IllegalStateException(branchPath(path, b) + " ended in " + s + ", branches[0] in " + first);
            }
        }
        return out;
    }

    boolean needsPositionCovariance() {
        return chains.stream().anyMatch(Layer::needsPositionCovariance);
    }

    /** The most any branch reads; the combinators' rules are entry by entry and read nothing more. */
    OwnCovariance ownCovarianceRead(OwnCovariance after) {
        OwnCovariance need = OwnCovariance.UNUSED;
        for (Serial c : chains) {
            need = need.atLeast(c.ownCovarianceRead(after));
        }
        return need;
    }

    boolean isBatchCoupled() {
        return chains.stream().anyMatch(Layer::isBatchCoupled);
    }

    boolean allFresh(boolean inputFresh) {
        return chains.stream().allMatch(c -> c.isFresh(inputFresh));
    }

    /** The twins of every branch on the layer's input. */
    Twins finite(FiniteContext ctx) {
        List<FiniteLayer> twins = new ArrayList<>();
        for (Serial c : chains) {
            twins.add(ctx.finite(c, ctx.input()));
        }
        return new Twins(twins);
    }

    /** The finite branches: forward on copies of one batch, backward summing input cotangents. */
    static final class Twins {
        private final List<FiniteLayer> twins;

        Twins(List<FiniteLayer> twins) {
            this.twins = List.copyOf(twins);
        }

        List<FiniteLayer> list() {
            return twins;
        }

        List<Batch> forward(Batch x) {
            List<Batch> out = new ArrayList<>();
            for (FiniteLayer t : twins) {
                out.add(t.forward(x.copy()));
            }
            return out;
        }

        /**
         * Backward through every branch with its own output cotangent; returns the summed input
         * cotangent and hands the gradients on branch by branch (that is {@link #parameters()} order).
         */
        Batch backward(List<Batch> cotangents, Gradients gradients) {
            Batch sum = null;
            for (int b = 0; b < twins.size(); b++) {
                Batch g = twins.get(b).backward(cotangents.get(b), gradients);
                if (sum == null) {
                    sum = g.copy();
                } else {
                    addInto(sum, g);
                }
            }
            return sum;
        }

        List<double[]> parameters() {
            List<double[]> p = new ArrayList<>();
            twins.forEach(t -> p.addAll(t.parameters()));
            return p;
        }
    }

    static void addInto(Batch target, Batch g) {
        double[][] t = target.data();
        double[][] s = g.data();
        for (int b = 0; b < t.length; b++) {
            for (int k = 0; k < t[b].length; k++) {
                t[b][k] += s[b][k];
            }
        }
    }

    /** Refuses branches whose shapes differ in the way {@code what} names. */
    static SpecException mismatch(String layerPath, int b, Shape found, Shape first, String what) {
        return new SpecException(branchPath(layerPath, b), "outputs " + found + ", but branches[0] outputs "
                + first + "; " + what);
    }
}
