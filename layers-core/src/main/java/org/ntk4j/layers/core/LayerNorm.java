package org.ntk4j.layers.core;

import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.KernelState;
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
 * {@code layerNorm}: {@code (x − mean_c x) / sqrt(var_c x + eps)} over the channels at each
 * position, no affine parameters.
 *
 * <p>Infinite-width rule. For a centred input the channel mean vanishes and the channel variance
 * converges to the position's own variance {@code K(p, p)}, so the layer divides by a constant:
 * {@code K'(p, q) = K(p, q) / sqrt((K₁(p, p) + eps)(K₂(q, q) + eps))}. The derivative adds two
 * projections (onto the constant and onto x itself) of rank one each among n channels, which vanish
 * in the limit, so the NTK is divided alike. The rule is wrong for a non-centred input (after relu
 * the mean is not zero), hence it refuses inputs that are not {@link Shape#centred()}. A position of zero variance with
 * {@code eps = 0} maps to zero, as the twin does.
 */
public final class LayerNorm implements Layer {

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "layerNorm";
        }

        @Override
        public String description() {
            return "normalise over channels at each position (no affine); needs a centred input";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.number("eps", 0.0, "added to the variance").range(0, 1e6));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new LayerNorm(c.path(), c.getDouble("eps"));
        }
    };

    private final String path;
    private final double eps;

    public LayerNorm(String path, double eps) {
        this.path = path;
        this.eps = eps;
    }

    @Override
    public String type() {
        return "layerNorm";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        if (!in.centred()) {
            throw new SpecException(path, "\"layerNorm\" needs a centred input (zero channel mean in the "
                    + "infinite-width limit): put it after dense, conv, attention, or a residual or sum of those, "
                    + "not on raw data or after a non-odd activation");
        }
        return in;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // Dividing by a constant (in the limit) keeps a centred fresh output so.
        return inputFresh;
    }

    @Override
    public KernelState apply(KernelState s) {
        // Read every variance before the self blocks are overwritten.
        double[] inv1 = inverseScales(s.n1(), s, true);
        double[] inv2 = inverseScales(s.n2(), s, false);
        int size = s.positions();
        int e = s.entrySize();
        double[] cross = s.cross();
        double[] ntk = s.ntk();
        for (int i = 0; i < s.n1(); i++) {
            for (int j = 0; j < s.n2(); j++) {
                int base = (i * s.n2() + j) * e;
                for (int off = 0; off < e; off++) {
                    int pq = KernelStates.pairOf(s, off);
                    double f = inv1[i * size + pq / size] * inv2[j * size + pq % size];
                    cross[base + off] *= f;
                    if (ntk != null) {
                        ntk[base + off] *= f;
                    }
                }
            }
        }
        scaleSelf(s.self1(), s.n1(), inv1, s);
        scaleSelf(s.self2(), s.n2(), inv2, s);
        return s;
    }

    /** {@code 1/sqrt(K(p, p) + eps)} per input and position (0 where that is 0). */
    private double[] inverseScales(int n, KernelState s, boolean first) {
        int size = s.positions();
        double[] inv = new double[n * size];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < size; p++) {
                double v = (first ? s.var1(i, p) : s.var2(i, p)) + eps;
                inv[i * size + p] = v > 0 ? 1.0 / Math.sqrt(v) : 0.0;
            }
        }
        return inv;
    }

    private static void scaleSelf(double[] self, int n, double[] inv, KernelState s) {
        int size = s.positions();
        int e = s.entrySize();
        for (int i = 0; i < n; i++) {
            for (int off = 0; off < e; off++) {
                int pq = KernelStates.pairOf(s, off);
                self[i * e + off] *= inv[i * size + pq / size] * inv[i * size + pq % size];
            }
        }
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        return new FiniteLayerNorm(ctx.input());
    }

    /** The twin: a real layer norm, with backpropagation through the mean and the variance. */
    private final class FiniteLayerNorm implements FiniteLayer {
        private final Shape shape;
        /** Normalised outputs and {@code 1/sqrt(var + eps)} per example and position, from forward. */
        private Batch normalised;
        private double[][] invStd;

        FiniteLayerNorm(Shape shape) {
            this.shape = shape;
        }

        @Override
        public Batch forward(Batch x) {
            int c = x.channels();
            int positions = x.positions();
            Batch y = x.copy();
            invStd = new double[x.size()][positions];
            for (int b = 0; b < x.size(); b++) {
                double[] row = y.data()[b];
                for (int p = 0; p < positions; p++) {
                    int o = p * c;
                    double mean = 0;
                    for (int k = 0; k < c; k++) {
                        mean += row[o + k];
                    }
                    mean /= c;
                    double var = 0;
                    for (int k = 0; k < c; k++) {
                        double d = row[o + k] - mean;
                        row[o + k] = d;
                        var += d * d;
                    }
                    var = var / c + eps;
                    double inv = var > 0 ? 1.0 / Math.sqrt(var) : 0.0;
                    invStd[b][p] = inv;
                    for (int k = 0; k < c; k++) {
                        row[o + k] *= inv;
                    }
                }
            }
            normalised = y;
            return y;
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            // With y = (x − μ)/σ: ∂L/∂x = (g − mean(g) − y · mean(g ⊙ y)) / σ.
            int c = cot.channels();
            int positions = cot.positions();
            Batch gx = cot.copy();
            for (int b = 0; b < cot.size(); b++) {
                double[] g = gx.data()[b];
                double[] y = normalised.data()[b];
                for (int p = 0; p < positions; p++) {
                    int o = p * c;
                    double meanG = 0;
                    double meanGy = 0;
                    for (int k = 0; k < c; k++) {
                        meanG += g[o + k];
                        meanGy += g[o + k] * y[o + k];
                    }
                    meanG /= c;
                    meanGy /= c;
                    double inv = invStd[b][p];
                    for (int k = 0; k < c; k++) {
                        g[o + k] = inv * (g[o + k] - meanG - y[o + k] * meanGy);
                    }
                }
            }
            return gx;
        }

        @Override
        public Shape output() {
            return shape;
        }

        @Override
        public List<double[]> parameters() {
            return List.of();
        }
    }
}
