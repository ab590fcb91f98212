package org.ntk4j.layers.core;

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
 * {@code residual}: {@code x + scale · f(x)}. When f is fresh by its own weights (ends in a zero-mean
 * function of weights used nowhere else) the skip path and f are uncorrelated, so
 * {@code K' = K + scale² K_f} and {@code Θ' = Θ + scale² Θ_f}. A non-fresh f (e.g. a bare relu, whose
 * output is correlated with x) would need cross terms, so it is refused.
 */
public final class Residual implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "residual";
        }

        @Override
        public String description() {
            return "x + scale · f(x), f a chain of layers ending in weights of its own";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.layers("layers", "the chain f"),
                    ParamSpec.number("scale", 1.0, "multiplier of f(x)").range(-1e6, 1e6));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new Residual(c.path(), c.getLayers("layers"), c.getDouble("scale"));
        }
    };

    private final String path;
    private final Serial f;
    private final double scale;

    /** @throws SpecException when f is not fresh by its own weights */
    public Residual(String path, List<Layer> layers, double scale) {
        this.path = path;
        this.f = new Serial("residual", path + ".layers", layers);
        this.scale = scale;
        if (!f.isFresh(false)) {
            String what = layers.isEmpty() ? "f is empty (the identity)"
                    : "f ends in \"" + layers.get(layers.size() - 1).type() + "\", whose output is correlated with x";
            throw new SpecException(path + ".layers", what + ", so the kernel of x + scale·f(x) is not "
                    + "K + scale²·K_f; f must be fresh by its own weights — end it with dense or conv "
                    + "(e.g. [dense, relu, dense] instead of [dense, relu] or [relu])");
        }
    }

    @Override
    public String type() {
        return "residual";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        Shape out = f.outputShape(in);
        if (!out.sameLayout(in)) {
            throw new SpecException(path + ".layers", "f outputs " + out + ", but its input is " + in
                    + "; x + scale·f(x) needs them equal (set the last layer's width to " + in.channels() + ")");
        }
        return in.withFlags(in.gaussian() && out.gaussian(), in.centred() && out.centred());
    }

    @Override
    public KernelState apply(KernelState in) {
        KernelState branch = f.apply(in.copy());
        if (branch.mode() != in.mode() || branch.entrySize() != in.entrySize()) {
            throw new IllegalStateException(path + ": f ended in " + branch + ", its input was " + in);
        }
        KernelStates.combine(in, 1.0, branch, scale * scale);
        return in;
    }

    @Override
    public boolean needsPositionCovariance() {
        return f.needsPositionCovariance();
    }

    /** The skip path passes {@code after} through; f reads what it reads. */
    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return after.atLeast(f.ownCovarianceRead(after));
    }

    @Override
    public boolean isBatchCoupled() {
        return f.isBatchCoupled();
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // f is fresh by construction, so the sum is fresh exactly when x is.
        return inputFresh;
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        FiniteLayer twin = ctx.finite(f, ctx.input());
        if (!twin.output().equals(ctx.input())) {
            throw new SpecException(path + ".layers", "the finite f outputs " + twin.output() + ", but its input is "
                    + ctx.input() + "; x + scale·f(x) needs them equal");
        }
        return new FiniteResidual(twin, ctx.input());
    }

    private final class FiniteResidual implements FiniteLayer {
        private final FiniteLayer twin;
        private final Shape shape;

        FiniteResidual(FiniteLayer twin, Shape shape) {
            this.twin = twin;
            this.shape = shape;
        }

        @Override
        public Batch forward(Batch x) {
            Batch fx = twin.forward(x.copy());
            Batch y = x.copy();
            double[][] yd = y.data();
            double[][] fd = fx.data();
            for (int b = 0; b < yd.length; b++) {
                for (int k = 0; k < yd[b].length; k++) {
                    yd[b][k] += scale * fd[b][k];
                }
            }
            return y;
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            Batch scaled = cot.copy();
            for (double[] row : scaled.data()) {
                for (int k = 0; k < row.length; k++) {
                    row[k] *= scale;
                }
            }
            Batch gx = twin.backward(scaled, gradients).copy();
            Branches.addInto(gx, cot);
            return gx;
        }

        @Override
        public Shape output() {
            return shape;
        }

        @Override
        public List<double[]> parameters() {
            return twin.parameters();
        }
    }
}
