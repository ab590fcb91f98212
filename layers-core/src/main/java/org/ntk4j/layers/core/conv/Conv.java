package org.ntk4j.layers.core.conv;

import java.util.List;
import org.ntk4j.api.ArrayOps;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/**
 * {@code conv}: {@code z_p = (wStd/√(C·|F|)) Σ_{δ∈F} W_δ x_{src(p, δ)} + bStd β} in 1-D or 2-D (ntk
 * parameterization; standard draws {@code W ~ N(0, wStd²/(C·|F|))}, {@code β ~ N(0, bStd²)}). The
 * fan-in is C·|F| at every output position, also where SAME padding reads zeros.
 *
 * <p>Infinite width: with A the tap-averaging operator
 * {@code (A K)(p, q) = (1/|F|) Σ_δ K(src(p, δ), src(q, δ))} (one tap for both positions, since both
 * read W_δ; pads give 0), {@code K' = wStd² A K + bStd²} and {@code Θ' = K' + wStd² A Θ} (ntk) or
 * {@code Θ' = C·|F|·A K + 1 + wStd² A Θ} (standard). In DIAGONAL mode only p = q is kept, which the
 * same formula closes over; in FULL mode the operator runs separably along each axis.
 */
public final class Conv implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "conv";
        }

        @Override
        public String description() {
            return "1-D or 2-D convolution over positions with shared filters (SAME, VALID or CIRCULAR padding)";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.intList("filter", null, "filter size per spatial axis (default 3 along each)")
                            .range(1, 1 << 16),
                    ParamSpec.intList("strides", null, "stride per spatial axis (default 1 along each)")
                            .range(1, 1 << 16),
                    ParamSpec.choice("padding", "SAME", Padding.CHOICES,
                            "SAME (zeros, ceil(L/s) outputs), VALID (no padding) or CIRCULAR (wrap around)"),
                    ParamSpec.number("wStd", 1.0, "weight standard deviation (multiplier under ntk)").range(0, 1e6),
                    ParamSpec.number("bStd", 0.0, "bias standard deviation").range(0, 1e6),
                    ParamSpec.integer("width", 1024, "output channels; only the standard parameterization's NTK depends on it")
                            .range(1, 1 << 24));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new Conv(c.path(), c.getIntList("filter"), c.getIntList("strides"), Padding.of(c.getString("padding")),
                    c.getDouble("wStd"), c.getDouble("bStd"), c.getInt("width"), ctx.parameterization(),
                    ctx.numeric().arrays());
        }
    };

    private static final int DEFAULT_FILTER = 3;

    private final String path;
    private final int[] filter;
    private final int[] strides;
    private final Padding padding;
    private final double wStd;
    private final double bStd;
    private final int width;
    private final Parameterization parameterization;
    private final ArrayOps ops;

    /** {@code filter} and {@code strides} may be null: 3 and 1 along every spatial axis. */
    public Conv(String path, int[] filter, int[] strides, Padding padding, double wStd, double bStd, int width,
                Parameterization parameterization) {
        this(path, filter, strides, padding, wStd, bStd, width, parameterization, ArrayOps.SCALAR);
    }

    /** As above, with the window sums run by {@code ops} (the numeric core's). */
    public Conv(String path, int[] filter, int[] strides, Padding padding, double wStd, double bStd, int width,
                Parameterization parameterization, ArrayOps ops) {
        this.ops = ops;
        this.path = path;
        this.filter = filter == null ? null : filter.clone();
        this.strides = strides == null ? null : strides.clone();
        this.padding = padding;
        this.wStd = wStd;
        this.bStd = bStd;
        this.width = width;
        this.parameterization = parameterization;
    }

    @Override
    public String type() {
        return "conv";
    }

    @Override
    public String path() {
        return path;
    }

    WindowGeometry geometry(int[] inSpatial) {
        if (inSpatial.length > 2) {
            throw new SpecException(path, "\"conv\" supports 1-D (sequences) and 2-D (images) positions, found "
                    + inSpatial.length + " spatial axes");
        }
        return WindowGeometry.of(path, "conv", "filter", inSpatial, filter, DEFAULT_FILTER, strides, padding);
    }

    @Override
    public Shape outputShape(Shape in) {
        return new Shape(geometry(in.spatial()).outSpatial(), width).fromWeights();
    }

    @Override
    public KernelState apply(KernelState s) {
        if (s.hasMasks()) {
            throw new SpecException(path, "\"conv\" does not take masked sequences (inputs of different lengths)");
        }
        WindowGeometry g = geometry(s.spatial());
        KernelState o = s.reshaped(g.outSpatial(), s.mode(), width, null, null);
        PositionCovariance op = new PositionCovariance(g, ops);
        boolean full = s.mode() == KernelState.Positions.FULL;
        int ei = s.entrySize();
        int eo = o.entrySize();
        double w2f = wStd * wStd / g.taps();
        double b2 = bStd * bStd;
        boolean ownFull = full && !s.ownDiagonalOnly();
        transformAll(op, ownFull, s.self1(), o.self1(), s.ownEntrySize(), o.ownEntrySize());
        transformAll(op, ownFull, s.self2(), o.self2(), s.ownEntrySize(), o.ownEntrySize());
        transformAll(op, full, s.cross(), o.cross(), ei, eo);
        if (s.hasNtk()) {
            transformAll(op, full, s.ntk(), o.ntk(), ei, eo);
        }
        affineTapSums(o.cross(), o.ntk(), 0, o.cross().length, s.channels(), g.taps());
        affine(o.self1(), w2f, b2);
        affine(o.self2(), w2f, b2);
        return o;
    }

    /**
     * Turns the tap sums {@code Σ_δ K} and {@code Σ_δ Θ} held in {@code k} and {@code t} (null
     * without NTK) on {@code [from, from + n)} into the layer's output ({@code A = sum / |F|});
     * {@code channels} is the input's channel count.
     */
    void affineTapSums(double[] k, double[] t, int from, int n, int channels, int taps) {
        double w2f = wStd * wStd / taps;
        double b2 = bStd * bStd;
        int to = from + n;
        if (t == null) {
            for (int i = from; i < to; i++) {
                k[i] = w2f * k[i] + b2;
            }
            return;
        }
        double fanIn = (double) channels * taps;
        if (parameterization == Parameterization.NTK) {
            for (int i = from; i < to; i++) {
                double kNew = w2f * k[i] + b2;
                t[i] = kNew + w2f * t[i];
                k[i] = kNew;
            }
        } else {
            for (int i = from; i < to; i++) {
                double kNew = w2f * k[i] + b2;
                t[i] = fanIn / taps * k[i] + 1.0 + w2f * t[i];
                k[i] = kNew;
            }
        }
    }

    /**
     * The own covariances' update in place, for geometries that keep the positions ({@link ConvRows#fits}):
     * FULL blocks through {@code rows}, diagonal-only ones through the one-sided sum. Sets the
     * output's channel count.
     */
    void applyOwnInPlace(KernelState s, WindowGeometry g, ConvRows rows) {
        int e = s.ownEntrySize();
        PositionCovariance op = s.ownDiagonalOnly() ? new PositionCovariance(g, ops) : null;
        double[] out = new double[e];
        for (double[] self : new double[][]{s.self1(), s.self2()}) {
            int count = self.length / e;
            if (op != null) {
                for (int i = 0; i < count; i++) {
                    op.convDiagonal(self, i * e, out, 0);
                    System.arraycopy(out, 0, self, i * e, e);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    rows.all(self, i * e);
                }
            }
            affine(self, wStd * wStd / g.taps(), bStd * bStd);
        }
        s.setChannels(width);
    }

    ArrayOps arrayOps() {
        return ops;
    }

    /**
     * conv followed by a coordinatewise activation becomes one layer that updates each row of a
     * FULL kernel entry in place and applies the dual to it while it is in cache ({@link ConvActivation}).
     */
    @Override
    public Layer fuseWith(Layer next) {
        return next.activation() == null ? null : new ConvActivation(this, next);
    }

    private static void transformAll(PositionCovariance op, boolean full, double[] in, double[] out, int ei, int eo) {
        int n = in.length / ei;
        for (int k = 0; k < n; k++) {
            if (full) {
                op.convFull(in, k * ei, out, k * eo);
            } else {
                op.convDiagonal(in, k * ei, out, k * eo);
            }
        }
    }

    private static void affine(double[] a, double mul, double add) {
        for (int k = 0; k < a.length; k++) {
            a[k] = mul * a[k] + add;
        }
    }

    /** One filter tap is shared by both positions: output variances come from input variances alone. */
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
        Shape in = ctx.input();
        int out = ctx.parameterization() == Parameterization.NTK ? ctx.width() : width;
        return new ConvTwin(geometry(in.spatial()), in.channels(), out, wStd, bStd, ctx.parameterization(),
                ctx.random());
    }
}
