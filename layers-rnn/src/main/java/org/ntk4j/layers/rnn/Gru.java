package org.ntk4j.layers.rnn;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/**
 * {@code gru}: gates {@code z, r = sigmoid(lin_{z,r}(h_{t−1}, x_t))}, {@code ĥ = tanh(lin_h(r ⊙ h_{t−1}, x_t))},
 * {@code h_t = (1 − z) ⊙ h_{t−1} + z ⊙ ĥ}, {@code h_0 = 0}, masked steps skipped. Kernels by Monte Carlo
 * over the jointly Gaussian gate pre-activations ({@link GruKernel}); finite twin {@link FiniteGru}.
 * The Monte Carlo standard error is available from {@link #errorEstimate()} and, for whichever gru
 * computed last, {@link #latestErrorEstimate()}.
 */
public final class Gru implements Layer {

    /** Default Monte Carlo sample count (4 groups of 256). */
    public static final int DEFAULT_SAMPLES = 1024;

    private static final AtomicReference<Gru> LATEST = new AtomicReference<>();

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "gru";
        }

        @Override
        public String description() {
            return "gated recurrent unit, weights shared across time; kernels by Monte Carlo over the gates";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.number("wStd", 1.0, "recurrent weight standard deviation (all gates)").range(0, 1e6),
                    ParamSpec.number("uStd", 1.0, "input weight standard deviation (all gates)").range(0, 1e6),
                    ParamSpec.number("bStd", 0.0, "bias standard deviation (all gates)").range(0, 1e6),
                    OutputMode.PARAM,
                    ParamSpec.integer("samples", DEFAULT_SAMPLES, "Monte Carlo samples of a unit per pair of sequences")
                            .range(16, 1 << 22),
                    ParamSpec.integer("seed", 0, "Monte Carlo seed").range(0, Integer.MAX_VALUE),
                    ParamSpec.integer("width", 1024, "state width; only the standard parameterization's NTK depends on it")
                            .range(1, 1 << 24));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            WeightScales scales = new WeightScales(c.getDouble("wStd"), c.getDouble("uStd"), c.getDouble("bStd"),
                    c.getInt("width"), ctx.parameterization());
            return new Gru(c.path(), scales, OutputMode.of(c.getString("output")), c.getInt("samples"), c.getInt("seed"));
        }
    };

    private final String path;
    private final WeightScales scales;
    private final OutputMode output;
    private final MonteCarloError.Accumulator errors;
    private final GruKernel kernel;

    Gru(String path, WeightScales scales, OutputMode output, int samples, long seed) {
        this.path = path;
        this.scales = scales;
        this.output = output;
        this.errors = new MonteCarloError.Accumulator(samples);
        this.kernel = new GruKernel(scales, output, samples, seed, errors);
    }

    /** A gru built in code; {@code output} is "last", "mean" or "sequence". */
    public static Gru of(String path, double wStd, double uStd, double bStd, String output, int samples, long seed,
                         Parameterization parameterization, int width) {
        return new Gru(path, new WeightScales(wStd, uStd, bStd, width, parameterization), OutputMode.of(output),
                samples, seed);
    }

    /** The standard error of everything this layer has computed so far. */
    public MonteCarloError errorEstimate() {
        return errors.snapshot();
    }

    /** The error estimate of the gru that most recently computed kernels (null if none has). */
    /** The Monte Carlo standard errors of the last computation, for summary.json. */
    @Override
    public java.util.Map<String, Object> diagnostics() {
        MonteCarloError e = errorEstimate();
        if (e == null || e.entries() == 0) {
            return java.util.Map.of();
        }
        return java.util.Map.of("monteCarloRelativeErrorNngp", e.nngpRelative(), "monteCarloRelativeErrorNtk",
                e.ntkRelative(), "samples", e.samples(), "entries", e.entries());
    }

    public static MonteCarloError latestErrorEstimate() {
        Gru g = LATEST.get();
        return g == null ? null : g.errorEstimate();
    }

    @Override
    public String type() {
        return "gru";
    }

    @Override
    public String path() {
        return path;
    }

    /**
     * Any input will do. The states are not Gaussian, but centred: negating W_z, W_r, U_h and β_h (a
     * symmetry of their law) leaves z and r unchanged and negates every h_t, by induction from h_0 = 0.
     */
    @Override
    public Shape outputShape(Shape in) {
        return Rnn.outputShape(path, "gru", in, output, scales.width()).withFlags(false, true);
    }

    /** The states are odd under a symmetry of this layer's own weights (see {@link #outputShape}). */
    @Override
    public boolean isFresh(boolean inputFresh) {
        return true;
    }

    @Override
    public KernelState apply(KernelState in) {
        KernelState out = kernel.apply(in);
        LATEST.set(this);
        return out;
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        int width = ctx.parameterization() == Parameterization.NTK ? ctx.width() : scales.width();
        return new FiniteGru(ctx, scales, output, width);
    }
}
