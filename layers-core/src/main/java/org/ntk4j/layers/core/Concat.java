package org.ntk4j.layers.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * {@code concat}: the branch outputs side by side on the channel axis, at every position.
 *
 * <p>Kernel rule. A kernel is a mean over channels of per-channel covariances (what the next weight
 * layer sees: {@code <x, x'>/C}), so the kernel of the concatenation is the mean of the branch kernels
 * weighted by each branch's share of the channels, {@code K = Σ_b (C_b / Σ C) K_b}, and the NTK alike
 * (a weight layer after it reads the per-channel tangent kernels the same way). Unlike {@code sum} this
 * needs no independence between branches: different channels never meet in one covariance.
 *
 * <p>Channel counts. {@code C_b} is the finite channel count the kernel state carries: the input's
 * channels for an identity branch, a dense or conv layer's {@code width} parameter otherwise (default
 * 1024). Under the ntk parameterization the finite twin gives every hidden layer the same width, so
 * branches that end in hidden layers weigh equally in both; this is the limit of concatenating
 * branches whose widths keep the ratios the spec's widths state.
 */
public final class Concat implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "concat";
        }

        @Override
        public String description() {
            return "branches on the same input, outputs concatenated on the channel axis";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.branches("branches", "lists of layers; [] is the identity"));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new Concat(c.path(), c.getBranches("branches"));
        }
    };

    private final String path;
    private final Branches branches;

    public Concat(String path, List<List<Layer>> branches) {
        this.path = path;
        this.branches = new Branches(path, branches);
    }

    @Override
    public String type() {
        return "concat";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        List<Shape> shapes = branches.outputShapes(in);
        Shape first = shapes.get(0);
        int channels = 0;
        for (int b = 0; b < shapes.size(); b++) {
            Shape s = shapes.get(b);
            if (!Arrays.equals(s.spatial(), first.spatial())) {
                throw Branches.mismatch(path, b, s, first, "concatenated branches must keep the same positions");
            }
            channels = Math.addExact(channels, s.channels());
        }
        return first.withChannels(channels).withFlags(shapes.stream().allMatch(Shape::gaussian),
                shapes.stream().allMatch(Shape::centred));
    }

    @Override
    public KernelState apply(KernelState in) {
        List<KernelState> outs = branches.apply(in);
        double total = 0;
        for (KernelState s : outs) {
            total += s.channels();
        }
        KernelState result = outs.get(0);
        int channels = result.channels();
        KernelStates.scale(result, result.channels() / total);
        for (int b = 1; b < outs.size(); b++) {
            KernelState s = outs.get(b);
            KernelStates.combine(result, 1.0, s, s.channels() / total);
            channels += s.channels();
        }
        result.setChannels(channels);
        return result;
    }

    @Override
    public boolean needsPositionCovariance() {
        return branches.needsPositionCovariance();
    }

    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return branches.ownCovarianceRead(after);
    }

    @Override
    public boolean isBatchCoupled() {
        return branches.isBatchCoupled();
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // Every channel is centred in weights used nowhere else exactly when every branch's is.
        return branches.allFresh(inputFresh);
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        return new FiniteConcat(branches.finite(ctx));
    }

    private static final class FiniteConcat implements FiniteLayer {
        private final Branches.Twins twins;
        private final int[] offsets;
        private final Shape output;

        FiniteConcat(Branches.Twins twins) {
            this.twins = twins;
            List<FiniteLayer> list = twins.list();
            this.offsets = new int[list.size() + 1];
            for (int b = 0; b < list.size(); b++) {
                offsets[b + 1] = offsets[b] + list.get(b).output().channels();
            }
            this.output = list.get(0).output().withChannels(offsets[list.size()]);
        }

        @Override
        public Batch forward(Batch x) {
            List<Batch> outs = twins.forward(x);
            int total = output.channels();
            Batch y = Batch.zeros(x.size(), output.spatial(), total, x.mask());
            for (int b = 0; b < outs.size(); b++) {
                Batch o = outs.get(b);
                int c = o.channels();
                for (int n = 0; n < x.size(); n++) {
                    for (int p = 0; p < o.positions(); p++) {
                        System.arraycopy(o.data()[n], p * c, y.data()[n], p * total + offsets[b], c);
                    }
                }
            }
            return y;
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            int total = output.channels();
            List<Batch> cots = new ArrayList<>();
            for (int b = 0; b < twins.list().size(); b++) {
                int c = offsets[b + 1] - offsets[b];
                Batch g = Batch.zeros(cot.size(), cot.spatial(), c, cot.mask());
                for (int n = 0; n < cot.size(); n++) {
                    for (int p = 0; p < cot.positions(); p++) {
                        System.arraycopy(cot.data()[n], p * total + offsets[b], g.data()[n], p * c, c);
                    }
                }
                cots.add(g);
            }
            return twins.backward(cots, gradients);
        }

        @Override
        public Shape output() {
            return output;
        }

        @Override
        public List<double[]> parameters() {
            return twins.parameters();
        }
    }
}
