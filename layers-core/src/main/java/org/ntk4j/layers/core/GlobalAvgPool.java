package org.ntk4j.layers.core;

import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * {@code globalAvgPool}: the mean over all present positions (time or space), per channel. Being
 * linear, its kernel is the mean of the position covariance over all pairs of present positions,
 * {@code K'(x, x') = mean_{p ∈ P(x), q ∈ P(x')} K(p, q)}, and the NTK alike; it needs the full
 * position covariance. With masks the means run over the positions each input has.
 */
public final class GlobalAvgPool implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "globalAvgPool";
        }

        @Override
        public String description() {
            return "mean over all (present) positions, per channel";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of();
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new GlobalAvgPool(c.path());
        }
    };

    private final String path;

    public GlobalAvgPool(String path) {
        this.path = path;
    }

    @Override
    public String type() {
        return "globalAvgPool";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        if (in.isVector()) {
            throw new SpecException(path, "expected an input with positions (a sequence N×T×d or an image "
                    + "N×H×W×C) to pool over, found a " + in + "; drop globalAvgPool for vector inputs");
        }
        return in.withSpatial(new int[0], in.channels());
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public KernelState apply(KernelState in) {
        if (in.mode() != Positions.FULL) {
            throw new IllegalStateException(path + " needs full position covariances, got " + in);
        }
        KernelState out = in.reshaped(new int[0], Positions.NONE, in.channels(), null, null);
        int n1 = in.n1();
        int n2 = in.n2();
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                int pair = i * n2 + j;
                out.cross()[pair] = blockMean(in, in.cross(), pair, in.mask1(i), in.mask2(j));
                if (in.hasNtk()) {
                    out.ntk()[pair] = blockMean(in, in.ntk(), pair, in.mask1(i), in.mask2(j));
                }
            }
        }
        if (in.ownDiagonalOnly()) {
            // Nothing downstream reads the output's variances (see ownCovarianceRead): mark them unknown.
            java.util.Arrays.fill(out.self1(), Double.NaN);
            java.util.Arrays.fill(out.self2(), Double.NaN);
            return out;
        }
        for (int i = 0; i < n1; i++) {
            out.self1()[i] = blockMean(in, in.self1(), i, in.mask1(i), in.mask1(i));
        }
        for (int j = 0; j < n2; j++) {
            out.self2()[j] = blockMean(in, in.self2(), j, in.mask2(j), in.mask2(j));
        }
        return out;
    }

    /** Mean of the S×S block {@code a[entry]} over present rows p of m1 and present columns q of m2. */
    private static double blockMean(KernelState s, double[] a, int entry, boolean[] m1, boolean[] m2) {
        int size = s.positions();
        int base = entry * s.entrySize();
        double sum = 0;
        int count1 = 0;
        int count2 = 0;
        for (int q = 0; q < size; q++) {
            if (m2 == null || m2[q]) {
                count2++;
            }
        }
        for (int p = 0; p < size; p++) {
            if (m1 != null && !m1[p]) {
                continue;
            }
            count1++;
            int row = base + p * size;
            for (int q = 0; q < size; q++) {
                if (m2 == null || m2[q]) {
                    sum += a[row + q];
                }
            }
        }
        return sum / ((double) count1 * count2);
    }

    /** The output's variance is the mean of the whole own covariance: needed only if someone reads it. */
    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return after == OwnCovariance.UNUSED ? OwnCovariance.UNUSED : OwnCovariance.FULL;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // A fixed linear map without weights of its own keeps a centred fresh input so.
        return inputFresh;
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        return new FinitePool(ctx.input());
    }

    private static final class FinitePool implements FiniteLayer {
        private final Shape in;
        private boolean[][] mask;

        FinitePool(Shape in) {
            this.in = in;
        }

        @Override
        public Batch forward(Batch x) {
            mask = x.mask();
            int c = x.channels();
            Batch y = Batch.zeros(x.size(), new int[0], c, null);
            for (int b = 0; b < x.size(); b++) {
                double[] xr = x.data()[b];
                double[] yr = y.data()[b];
                int present = 0;
                for (int p = 0; p < x.positions(); p++) {
                    if (x.present(b, p)) {
                        present++;
                        for (int k = 0; k < c; k++) {
                            yr[k] += xr[p * c + k];
                        }
                    }
                }
                for (int k = 0; k < c; k++) {
                    yr[k] /= present;
                }
            }
            return y;
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            int c = in.channels();
            int positions = in.positions();
            Batch gx = Batch.zeros(cot.size(), in.spatial(), c, mask);
            for (int b = 0; b < cot.size(); b++) {
                double[] g = cot.data()[b];
                double[] gr = gx.data()[b];
                int present = 0;
                for (int p = 0; p < positions; p++) {
                    if (gx.present(b, p)) {
                        present++;
                    }
                }
                for (int p = 0; p < positions; p++) {
                    if (gx.present(b, p)) {
                        for (int k = 0; k < c; k++) {
                            gr[p * c + k] = g[k] / present;
                        }
                    }
                }
            }
            return gx;
        }

        @Override
        public Shape output() {
            return Shape.vector(in.channels());
        }

        @Override
        public List<double[]> parameters() {
            return List.of();
        }
    }
}
