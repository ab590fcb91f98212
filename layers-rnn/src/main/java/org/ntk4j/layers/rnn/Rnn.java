package org.ntk4j.layers.rnn;

import java.util.List;
import org.ntk4j.api.Activation;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/**
 * {@code rnn}: {@code h_t = φ((wStd/√n) W h_{t−1} + (uStd/√d) U x_t + bStd β)}, {@code h_0 = 0}, weights
 * shared across time, masked steps skipped. Kernels by {@link RnnKernel}, finite twin {@link FiniteRnn}.
 */
public final class Rnn implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "rnn";
        }

        @Override
        public String description() {
            return "simple recurrent layer (Elman), weights shared across time, masked steps skipped";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.activation("activation", "tanh", "the nonlinearity φ"),
                    ParamSpec.number("wStd", 1.0, "recurrent weight standard deviation").range(0, 1e6),
                    ParamSpec.number("uStd", 1.0, "input weight standard deviation").range(0, 1e6),
                    ParamSpec.number("bStd", 0.0, "bias standard deviation").range(0, 1e6),
                    OutputMode.PARAM,
                    ParamSpec.integer("width", 1024, "state width; only the standard parameterization's NTK depends on it")
                            .range(1, 1 << 24));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            WeightScales scales = new WeightScales(c.getDouble("wStd"), c.getDouble("uStd"), c.getDouble("bStd"),
                    c.getInt("width"), ctx.parameterization());
            return new Rnn(c.path(), c.getActivation("activation"), scales, OutputMode.of(c.getString("output")));
        }
    };

    private final String path;
    private final Activation activation;
    private final WeightScales scales;
    private final OutputMode output;
    private final RnnKernel kernel;

    Rnn(String path, Activation activation, WeightScales scales, OutputMode output) {
        this.path = path;
        this.activation = activation;
        this.scales = scales;
        this.output = output;
        this.kernel = new RnnKernel(activation.dual(), scales, output);
    }

    /** An rnn built in code (ntk parameterization unless given); {@code output} is "last", "mean" or "sequence". */
    public static Rnn of(String path, Activation activation, double wStd, double uStd, double bStd, String output,
                         Parameterization parameterization, int width) {
        return new Rnn(path, activation, new WeightScales(wStd, uStd, bStd, width, parameterization),
                OutputMode.of(output));
    }

    @Override
    public String type() {
        return "rnn";
    }

    @Override
    public String path() {
        return path;
    }

    /**
     * Any input will do (U makes the pre-activations Gaussian). The states are Gaussian only for a linear
     * φ, and centred for an odd one (they are odd in (U, β) jointly, h_0 = 0).
     */
    @Override
    public Shape outputShape(Shape in) {
        boolean linear = activation.function().isLinear();
        return outputShape(path, "rnn", in, output, scales.width())
                .withFlags(linear, linear || activation.function().isOdd());
    }

    /** The layout of a recurrent layer's output: the steps for "sequence", a vector otherwise. */
    static Shape outputShape(String path, String type, Shape in, OutputMode output, int width) {
        if (in.rank() != 1) {
            throw new SpecException(path, "\"" + type + "\" expects sequences (T steps × channels), found " + in);
        }
        return output == OutputMode.SEQUENCE ? new Shape(in.spatial(), width) : Shape.vector(width);
    }

    @Override
    public KernelState apply(KernelState in) {
        return kernel.apply(in);
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // With an odd φ the states are odd in (U, β) jointly (h_0 = 0): zero-mean, uncorrelated with other branches.
        return activation.function().isOdd();
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        int width = ctx.parameterization() == Parameterization.NTK ? ctx.width() : scales.width();
        return new FiniteRnn(ctx, activation.function(), scales, output, width);
    }
}
