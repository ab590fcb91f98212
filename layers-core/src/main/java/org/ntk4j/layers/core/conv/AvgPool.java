package org.ntk4j.layers.core.conv;

import java.util.List;
import org.ntk4j.api.ArrayOps;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * {@code avgPool}: the mean over a window of positions, per channel. With SAME padding the pads
 * count as zeros in the mean (Neural Tangents' default, {@code normalize_edges=False}), like conv.
 *
 * <p>Infinite width: the output is the linear map A of the input, so {@code K' = A K Aᵀ} and
 * {@code Θ' = A Θ Aᵀ} over pairs of positions: the layer needs the FULL covariance.
 */
public final class AvgPool implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "avgPool";
        }

        @Override
        public String description() {
            return "mean over a window of positions (1-D or 2-D), per channel";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    new ParamSpec("window", ParamSpec.Kind.INT_LIST, null, 1, 1 << 16, false, List.of(), false,
                            "window size per spatial axis"),
                    ParamSpec.intList("strides", null, "stride per spatial axis (default: the window)")
                            .range(1, 1 << 16),
                    ParamSpec.choice("padding", "VALID", Padding.CHOICES,
                            "VALID (no padding), SAME (zeros counted in the mean) or CIRCULAR (wrap around)"));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            int[] window = c.getIntList("window");
            int[] strides = c.getIntList("strides");
            return new AvgPool(c.path(), window, strides == null ? window : strides, Padding.of(c.getString("padding")),
                    ctx.numeric().arrays());
        }
    };

    private final String path;
    private final int[] window;
    private final int[] strides;
    private final Padding padding;
    private final ArrayOps ops;

    public AvgPool(String path, int[] window, int[] strides, Padding padding) {
        this(path, window, strides, padding, ArrayOps.SCALAR);
    }

    /** As above, with the window sums run by {@code ops} (the numeric core's). */
    public AvgPool(String path, int[] window, int[] strides, Padding padding, ArrayOps ops) {
        this.ops = ops;
        this.path = path;
        this.window = window.clone();
        this.strides = strides.clone();
        this.padding = padding;
    }

    @Override
    public String type() {
        return "avgPool";
    }

    @Override
    public String path() {
        return path;
    }

    WindowGeometry geometry(int[] inSpatial) {
        if (inSpatial.length > 2) {
            throw new SpecException(path, "\"avgPool\" supports 1-D and 2-D positions, found " + inSpatial.length
                    + " spatial axes");
        }
        return WindowGeometry.of(path, "avgPool", "window", inSpatial, window, 1, strides, padding);
    }

    @Override
    public Shape outputShape(Shape in) {
        return in.withSpatial(geometry(in.spatial()).outSpatial(), in.channels());
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public KernelState apply(KernelState s) {
        if (s.mode() != KernelState.Positions.FULL) {
            throw new IllegalStateException(path + ": avgPool needs the FULL position covariance, got " + s.mode());
        }
        if (s.hasMasks()) {
            throw new SpecException(path, "\"avgPool\" does not take masked sequences (inputs of different lengths)");
        }
        WindowGeometry g = geometry(s.spatial());
        KernelState o = s.reshaped(g.outSpatial(), KernelState.Positions.FULL, s.channels(), null, null);
        PositionCovariance op = new PositionCovariance(g, ops);
        if (s.ownDiagonalOnly()) {
            // Nothing downstream reads the output's variances (see ownCovarianceRead): mark them unknown.
            java.util.Arrays.fill(o.self1(), Double.NaN);
            java.util.Arrays.fill(o.self2(), Double.NaN);
        } else {
            pool(op, s.self1(), o.self1(), s.entrySize(), o.entrySize());
            pool(op, s.self2(), o.self2(), s.entrySize(), o.entrySize());
        }
        pool(op, s.cross(), o.cross(), s.entrySize(), o.entrySize());
        if (s.hasNtk()) {
            pool(op, s.ntk(), o.ntk(), s.entrySize(), o.entrySize());
        }
        return o;
    }

    private static void pool(PositionCovariance op, double[] in, double[] out, int ei, int eo) {
        int n = in.length / ei;
        for (int k = 0; k < n; k++) {
            op.poolFull(in, k * ei, out, k * eo);
        }
    }

    /** An output variance averages the own covariance over pairs of window positions. */
    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return after == OwnCovariance.UNUSED ? OwnCovariance.UNUSED : OwnCovariance.FULL;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // A linear map of a fresh zero-mean output is still uncorrelated with other branches.
        return inputFresh;
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        return new Twin(geometry(ctx.input().spatial()), ctx.input().channels());
    }

    /** Means over windows of a finite batch; pads count as zeros. */
    private static final class Twin implements FiniteLayer {
        private final WindowGeometry g;
        private final int[] sources;
        private final int channels;

        Twin(WindowGeometry g, int channels) {
            this.g = g;
            this.sources = g.sourceTable();
            this.channels = channels;
        }

        @Override
        public Batch forward(Batch x) {
            int taps = g.taps();
            double inv = 1.0 / taps;
            Batch y = Batch.zeros(x.size(), g.outSpatial(), channels, null);
            for (int n = 0; n < x.size(); n++) {
                double[] xr = x.data()[n];
                double[] yr = y.data()[n];
                for (int op = 0; op < g.outPositions(); op++) {
                    for (int t = 0; t < taps; t++) {
                        int src = sources[op * taps + t];
                        if (src >= 0) {
                            for (int c = 0; c < channels; c++) {
                                yr[op * channels + c] += inv * xr[src * channels + c];
                            }
                        }
                    }
                }
            }
            return y;
        }

        @Override
        public Batch backward(Batch gy, Gradients gradients) {
            int taps = g.taps();
            double inv = 1.0 / taps;
            Batch gx = Batch.zeros(gy.size(), g.inSpatial(), channels, null);
            for (int n = 0; n < gy.size(); n++) {
                double[] gr = gy.data()[n];
                double[] gxr = gx.data()[n];
                for (int op = 0; op < g.outPositions(); op++) {
                    for (int t = 0; t < taps; t++) {
                        int src = sources[op * taps + t];
                        if (src >= 0) {
                            for (int c = 0; c < channels; c++) {
                                gxr[src * channels + c] += inv * gr[op * channels + c];
                            }
                        }
                    }
                }
            }
            return gx;
        }

        @Override
        public Shape output() {
            return new Shape(g.outSpatial(), channels);
        }

        @Override
        public List<double[]> parameters() {
            return List.of();
        }
    }
}
