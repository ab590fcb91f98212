package org.ntk4j.layers.core;

import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * {@code dense}: {@code (wStd/√fanIn) W x + bStd β} on the channel axis at every position (ntk
 * parameterization), or {@code W x + β} with {@code W ~ N(0, wStd²/fanIn)}, {@code β ~ N(0, bStd²)}
 * (standard). The same W and β serve every position, so the covariance between any two positions
 * transforms alike: {@code K' = wStd² K + bStd²}.
 */
public final class Dense implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "dense";
        }

        @Override
        public String description() {
            return "fully connected layer on the channel axis, applied at every position";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.number("wStd", 1.0, "weight standard deviation (multiplier under ntk)").range(0, 1e6),
                    ParamSpec.number("bStd", 0.0, "bias standard deviation").range(0, 1e6),
                    ParamSpec.integer("width", 1024, "output width; only the standard parameterization's NTK depends on it")
                            .range(1, 1 << 24));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new Dense(c.path(), c.getDouble("wStd"), c.getDouble("bStd"), c.getInt("width"),
                    ctx.parameterization());
        }
    };

    private final String path;
    private final double wStd;
    private final double bStd;
    private final int width;
    private final Parameterization parameterization;

    public Dense(String path, double wStd, double bStd, int width, Parameterization parameterization) {
        this.path = path;
        this.wStd = wStd;
        this.bStd = bStd;
        this.width = width;
        this.parameterization = parameterization;
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        return in.withChannels(width).fromWeights();
    }

    @Override
    public KernelState apply(KernelState s) {
        affineRun(s.cross(), s.ntk(), 0, s.cross().length, s.channels());
        affineOwn(s);
        return s;
    }

    /**
     * The update of cross covariances and NTK entries {@code [from, from + n)}; {@code fanIn} is the
     * input's channel count (the standard parameterization's NTK needs it).
     */
    void affineRun(double[] cross, double[] ntk, int from, int n, int fanIn) {
        double w2 = wStd * wStd;
        double b2 = bStd * bStd;
        int to = from + n;
        if (ntk != null) {
            if (parameterization == Parameterization.NTK) {
                // ∂z/∂W contributes the new NNGP itself; earlier parameters pass through W: wStd² Θ.
                for (int k = from; k < to; k++) {
                    cross[k] = w2 * cross[k] + b2;
                    ntk[k] = cross[k] + w2 * ntk[k];
                }
            } else {
                // Unscaled gradients: ∂z/∂W gives fanIn · <x, x'>/fanIn, ∂z/∂β gives 1.
                for (int k = from; k < to; k++) {
                    ntk[k] = (double) fanIn * cross[k] + 1.0 + w2 * ntk[k];
                    cross[k] = w2 * cross[k] + b2;
                }
            }
        } else {
            for (int k = from; k < to; k++) {
                cross[k] = w2 * cross[k] + b2;
            }
        }
    }

    /** The update of both inputs' own covariances, and the new channel count. */
    void affineOwn(KernelState s) {
        double w2 = wStd * wStd;
        double b2 = bStd * bStd;
        affine(s.self1(), w2, b2);
        affine(s.self2(), w2, b2);
        s.setChannels(width);
    }

    /**
     * dense followed by a coordinatewise activation becomes one layer that updates each row of the
     * kernel and applies the dual to it while it is in cache ({@link DenseActivation}).
     */
    @Override
    public Layer fuseWith(Layer next) {
        return next.activation() == null ? null : new DenseActivation(this, next);
    }

    private static void affine(double[] a, double w2, double b2) {
        for (int k = 0; k < a.length; k++) {
            a[k] = w2 * a[k] + b2;
        }
    }

    /** Entry by entry: each own entry maps from itself, and the cross rule reads none. */
    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return after;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        return true;
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        int out = ctx.parameterization() == Parameterization.NTK ? ctx.width() : width;
        return new FiniteDense(ctx, out);
    }

    /** The finite twin: one weight matrix and bias shared by all positions. */
    private final class FiniteDense implements FiniteLayer {
        private final Shape in;
        private final int out;
        private final double[] w;
        private final double[] b;
        private final double scaleW;
        private final double scaleB;
        private Batch input;

        FiniteDense(FiniteContext ctx, int out) {
            this.in = ctx.input();
            this.out = out;
            int fanIn = in.channels();
            this.w = new double[out * fanIn];
            this.b = new double[out];
            boolean ntk = ctx.parameterization() == Parameterization.NTK;
            double wInit = ntk ? 1.0 : wStd / Math.sqrt(fanIn);
            double bInit = ntk ? 1.0 : bStd;
            Gaussian.fill(w, wInit, ctx.random());
            Gaussian.fill(b, bInit, ctx.random());
            this.scaleW = ntk ? wStd / Math.sqrt(fanIn) : 1.0;
            this.scaleB = ntk ? bStd : 1.0;
        }

        @Override
        public Batch forward(Batch x) {
            input = x;
            int cin = in.channels();
            int positions = x.positions();
            Batch y = Batch.zeros(x.size(), x.spatial(), out, x.mask());
            for (int n = 0; n < x.size(); n++) {
                double[] xr = x.data()[n];
                double[] yr = y.data()[n];
                for (int p = 0; p < positions; p++) {
                    int xo = p * cin;
                    int yo = p * out;
                    for (int o = 0; o < out; o++) {
                        double acc = 0;
                        int wo = o * cin;
                        for (int c = 0; c < cin; c++) {
                            acc += w[wo + c] * xr[xo + c];
                        }
                        yr[yo + o] = scaleW * acc + scaleB * b[o];
                    }
                }
            }
            return y;
        }

        @Override
        public Batch backward(Batch g, Gradients gradients) {
            int cin = in.channels();
            int positions = g.positions();
            double[] gw = new double[w.length];
            double[] gb = new double[b.length];
            Batch gx = Batch.zeros(g.size(), g.spatial(), cin, g.mask());
            for (int n = 0; n < g.size(); n++) {
                double[] gr = g.data()[n];
                double[] xr = input.data()[n];
                double[] gxr = gx.data()[n];
                for (int p = 0; p < positions; p++) {
                    int xo = p * cin;
                    int go = p * out;
                    for (int o = 0; o < out; o++) {
                        double v = gr[go + o];
                        if (v == 0) {
                            continue;
                        }
                        gb[o] += scaleB * v;
                        double sv = scaleW * v;
                        int wo = o * cin;
                        for (int c = 0; c < cin; c++) {
                            gw[wo + c] += sv * xr[xo + c];
                            gxr[xo + c] += sv * w[wo + c];
                        }
                    }
                }
            }
            gradients.add(gw);
            gradients.add(gb);
            return gx;
        }

        @Override
        public Shape output() {
            return in.withChannels(out);
        }

        @Override
        public List<double[]> parameters() {
            return List.of(w, b);
        }
    }
}
