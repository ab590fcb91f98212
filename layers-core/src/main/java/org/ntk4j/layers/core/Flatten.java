package org.ntk4j.layers.core;

import java.util.Arrays;
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
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * {@code flatten}: concatenates the positions into one vector of {@code S × C} channels. Its kernel
 * is {@code <x, x'>/(S·C)} = the mean over positions of the same-position kernel, so only the
 * diagonal of the position covariance is read (works in DIAGONAL and FULL mode); the NTK alike.
 *
 * <p>Masks: a masked (absent) position contributes zeros — the twin zeroes it — so the kernel
 * sums the same-position kernel over positions present in both inputs and still divides by S (the
 * next layer's fan-in is S·C whatever the mask). A vector input passes through unchanged.
 */
public final class Flatten implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "flatten";
        }

        @Override
        public String description() {
            return "concatenate positions into one vector (kernel: mean of the same-position kernels)";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of();
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new Flatten(c.path());
        }
    };

    private final String path;

    public Flatten(String path) {
        this.path = path;
    }

    @Override
    public String type() {
        return "flatten";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        return in.isVector() ? in : in.withSpatial(new int[0], Math.multiplyExact(in.positions(), in.channels()));
    }

    @Override
    public KernelState apply(KernelState in) {
        if (in.mode() == Positions.NONE) {
            return in;
        }
        int size = in.positions();
        KernelState out = in.reshaped(new int[0], Positions.NONE, Math.multiplyExact(size, in.channels()), null, null);
        int n1 = in.n1();
        int n2 = in.n2();
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                int pair = i * n2 + j;
                out.cross()[pair] = diagonalMean(in, in.cross(), false, pair, in.mask1(i), in.mask2(j));
                if (in.hasNtk()) {
                    out.ntk()[pair] = diagonalMean(in, in.ntk(), false, pair, in.mask1(i), in.mask2(j));
                }
            }
        }
        for (int i = 0; i < n1; i++) {
            out.self1()[i] = diagonalMean(in, in.self1(), true, i, in.mask1(i), in.mask1(i));
        }
        for (int j = 0; j < n2; j++) {
            out.self2()[j] = diagonalMean(in, in.self2(), true, j, in.mask2(j), in.mask2(j));
        }
        return out;
    }

    /**
     * {@code (1/S) Σ_p a[entry](p, p)} over positions present in both masks; {@code own} says that
     * {@code a} holds own covariances (laid out by {@link KernelState#ownEntrySize()}).
     */
    private static double diagonalMean(KernelState s, double[] a, boolean own, int entry, boolean[] m1, boolean[] m2) {
        int size = s.positions();
        int base = entry * (own ? s.ownEntrySize() : s.entrySize());
        double sum = 0;
        for (int p = 0; p < size; p++) {
            if ((m1 == null || m1[p]) && (m2 == null || m2[p])) {
                sum += a[base + (own ? s.ownDiagonalOffset(p) : s.diagonalOffset(p))];
            }
        }
        return sum / size;
    }

    /** The output's variance is the mean of the input's variances. */
    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return after == OwnCovariance.UNUSED ? OwnCovariance.UNUSED : OwnCovariance.DIAGONAL;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // A fixed linear map without weights of its own keeps a centred fresh input so.
        return inputFresh;
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        return new FiniteFlatten(ctx.input());
    }

    /** The twin: the batch layout {@code [p * C + c]} already is the flattened vector. */
    private final class FiniteFlatten implements FiniteLayer {
        private final Shape in;
        private boolean[][] mask;

        FiniteFlatten(Shape in) {
            this.in = in;
        }

        @Override
        public Batch forward(Batch x) {
            if (in.isVector()) {
                return x;
            }
            mask = x.mask();
            return new Batch(new int[0], x.positions() * x.channels(), withoutAbsent(x.data(), mask), null);
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            if (in.isVector()) {
                return cot;
            }
            return new Batch(in.spatial(), in.channels(), withoutAbsent(cot.data(), mask), mask);
        }

        /** A copy with the values of absent positions set to zero. */
        private double[][] withoutAbsent(double[][] data, boolean[][] m) {
            int c = in.channels();
            double[][] d = new double[data.length][];
            for (int b = 0; b < d.length; b++) {
                d[b] = data[b].clone();
                if (m != null) {
                    for (int p = 0; p < m[b].length; p++) {
                        if (!m[b][p]) {
                            Arrays.fill(d[b], p * c, (p + 1) * c, 0.0);
                        }
                    }
                }
            }
            return d;
        }

        @Override
        public Shape output() {
            return outputShape(in);
        }

        @Override
        public List<double[]> parameters() {
            return List.of();
        }
    }
}
