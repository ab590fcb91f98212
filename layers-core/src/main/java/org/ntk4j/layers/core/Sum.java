package org.ntk4j.layers.core;

import java.util.ArrayList;
import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Serial;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * {@code sum}: every branch runs on the same input and the outputs are added. The kernels of the
 * sum are the sums of the branch kernels (NNGP, self covariances and NTK) — exact only when the
 * branches are uncorrelated, i.e. when at most one branch is not fresh (a fresh branch ends in a
 * zero-mean function of weights used nowhere else, so its covariance and tangent inner products
 * with anything else vanish in expectation). Sums of two non-fresh branches (say {@code []} twice, or
 * two bare activations of the same input) have cross terms this rule cannot know, so they are refused.
 */
public final class Sum implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "sum";
        }

        @Override
        public String description() {
            return "branches on the same input, outputs added (at most one branch may be non-fresh)";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.branches("branches", "lists of layers; [] is the identity"));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new Sum(c.path(), c.getBranches("branches"));
        }
    };

    private final String path;
    private final Branches branches;

    /** @throws SpecException when more than one branch is not fresh */
    public Sum(String path, List<List<Layer>> branches) {
        this.path = path;
        this.branches = new Branches(path, branches);
        List<Integer> correlated = new ArrayList<>();
        List<Serial> chains = this.branches.chains();
        for (int b = 0; b < chains.size(); b++) {
            if (!chains.get(b).isFresh(false)) {
                correlated.add(b);
            }
        }
        if (correlated.size() > 1) {
            throw new SpecException(path + ".branches", "branches " + correlated + " are not fresh: their outputs "
                    + "are not zero-mean functions of weights of their own (e.g. [] or a chain ending in relu), so they "
                    + "are correlated and the sum's kernel is not the sum of the branch kernels; at most one branch may "
                    + "be non-fresh — end the others with dense or conv (an odd activation such as tanh or erf after "
                    + "them keeps a branch fresh)");
        }
    }

    @Override
    public String type() {
        return "sum";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        List<Shape> shapes = branches.outputShapes(in);
        Shape first = shapes.get(0);
        for (int b = 1; b < shapes.size(); b++) {
            if (!shapes.get(b).sameLayout(first)) {
                throw Branches.mismatch(path, b, shapes.get(b), first, "the outputs of a sum must have one shape");
            }
        }
        // A sum of independent Gaussians is Gaussian; of centred values, centred.
        return first.withFlags(shapes.stream().allMatch(Shape::gaussian), shapes.stream().allMatch(Shape::centred));
    }

    @Override
    public KernelState apply(KernelState in) {
        List<KernelState> outs = branches.apply(in);
        KernelState total = outs.get(0);
        for (int b = 1; b < outs.size(); b++) {
            KernelStates.combine(total, 1.0, outs.get(b), 1.0);
        }
        return total;
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
        // A sum of centred terms in weights used nowhere else is again such a term.
        return branches.allFresh(inputFresh);
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        Branches.Twins twins = branches.finite(ctx);
        List<FiniteLayer> list = twins.list();
        for (int b = 1; b < list.size(); b++) {
            if (!list.get(b).output().equals(list.get(0).output())) {
                throw Branches.mismatch(path, b, list.get(b).output(), list.get(0).output(),
                        "the finite outputs of a sum must have one shape");
            }
        }
        return new FiniteSum(twins);
    }

    private static final class FiniteSum implements FiniteLayer {
        private final Branches.Twins twins;

        FiniteSum(Branches.Twins twins) {
            this.twins = twins;
        }

        @Override
        public Batch forward(Batch x) {
            List<Batch> outs = twins.forward(x);
            Batch total = outs.get(0).copy();
            for (int b = 1; b < outs.size(); b++) {
                Branches.addInto(total, outs.get(b));
            }
            return total;
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            List<Batch> cots = new ArrayList<>();
            for (int b = 0; b < twins.list().size(); b++) {
                cots.add(cot.copy());
            }
            return twins.backward(cots, gradients);
        }

        @Override
        public Shape output() {
            return twins.list().get(0).output();
        }

        @Override
        public List<double[]> parameters() {
            return twins.parameters();
        }
    }
}
