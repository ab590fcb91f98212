package org.ntk4j.layers.core.conv;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import org.ntk4j.api.Activation;
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
 * {@code batchNorm}: per channel, over the batch, {@code (x − mean_b x) / sqrt(var_b x + eps)}
 * (population variance, no affine), the batch of x1 being all of x1 and that of x2 all of x2.
 * Optionally followed by an activation in the same layer ({@code "activation": "relu"}).
 *
 * <p>Why the optional activation: after batchNorm a channel's values over the batch are no longer
 * Gaussian (they lie on a sphere), so an activation layer applying its Gaussian dual to the
 * batchNorm output covariance is only an approximation (3% off in K₁₂ for the BN+ReLU example of
 * issue 7). Fused here, {@code φ(BN(z))} is computed from the Gaussian z itself, which is exact.
 * A following dense layer sees Gaussian inputs again (a sum over infinitely many channels).
 *
 * <p>The layer couples the inputs of a batch, so the engine runs it on the joint state of x1 and
 * x2 stacked (see {@link BatchNormKernel} for the formulas).
 */
public final class BatchNorm implements Layer {

    private static final System.Logger LOG = System.getLogger(BatchNorm.class.getName());

    /** The layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "batchNorm";
        }

        @Override
        public String description() {
            return "normalisation per channel over the batch (the batch of x1 is all of x1), optionally with an activation";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.number("eps", 0.0, "added to the batch variance").range(0, 1e6),
                    new ParamSpec("activation", ParamSpec.Kind.ACTIVATION, null, 0, 0, false, List.of(), true,
                            "an activation applied to the normalised values, computed exactly with them (e.g. \"relu\")"),
                    ParamSpec.integer("samples", 100_000, "Monte Carlo samples for what has no exact formula "
                            + "(the NTK, the NNGP across x1 and x2, non-homogeneous activations)").range(100, 1e9),
                    ParamSpec.integer("seed", 0, "seed of the Monte Carlo samples").range(0, Integer.MAX_VALUE));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            return new BatchNorm(c.path(), c.getDouble("eps"), c.getActivation("activation"), c.getInt("samples"),
                    c.getInt("seed"));
        }
    };

    private final String path;
    private final double eps;
    private final Activation activation;
    private final int samples;
    private final long seed;
    private final BatchNormKernel kernel;

    /** {@code activation} may be null. */
    public BatchNorm(String path, double eps, Activation activation, int samples, long seed) {
        this.path = path;
        this.eps = eps;
        this.activation = activation;
        this.samples = samples;
        this.seed = seed;
        this.kernel = new BatchNormKernel(path, eps, activation, samples, seed);
    }

    @Override
    public String type() {
        return "batchNorm";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        if (!in.isVector()) {
            throw new SpecException(path, "\"batchNorm\" normalises vectors (one value per channel and input), found "
                    + in + "; put it after flatten or globalAvgPool, or use layerNorm per position");
        }
        if (!in.gaussian()) {
            throw new SpecException(path, "\"batchNorm\" needs Gaussian pre-activations (its kernel is an expectation "
                    + "over the Gaussian batch): put a dense layer before it");
        }
        // Normalised by batch statistics the values lie on a sphere: centred, no longer Gaussian.
        return in.withFlags(false, activation == null || activation.function().isOdd());
    }

    /** batchNorm followed by an activation layer is computed as one exact rule ({@code φ(BN(z))}). */
    @Override
    public Layer fuseWith(Layer next) {
        if (activation != null || next.activation() == null) {
            return null;
        }
        return new BatchNorm(path, eps, next.activation(), samples, seed);
    }

    @Override
    public boolean isBatchCoupled() {
        return true;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // BN is odd in z; with an odd activation the output stays odd in the weights below.
        return inputFresh && (activation == null || activation.function().isOdd());
    }

    @Override
    public KernelState apply(KernelState s) {
        if (!s.isJoint() || s.mode() != KernelState.Positions.NONE) {
            throw new IllegalStateException(path + ": batchNorm needs the joint state of vectors, got " + s);
        }
        int n = s.n1();
        int[] batchOf = new int[n];
        for (int i = 0; i < n; i++) {
            batchOf[i] = s.batchOf(i);
        }
        BatchNormKernel.Result r = compute(n, s.cross(), s.ntk(), batchOf);
        System.arraycopy(r.nngp(), 0, s.cross(), 0, n * n);
        if (s.hasNtk()) {
            System.arraycopy(r.ntk(), 0, s.ntk(), 0, n * n);
        }
        for (int i = 0; i < n; i++) {
            s.self1()[i] = r.nngp()[i * n + i];
            s.self2()[i] = r.nngp()[i * n + i];
        }
        return s;
    }

    /** The kernels after this layer for a stacked joint block, with their Monte Carlo errors. */
    BatchNormKernel.Result compute(int n, double[] k, double[] theta, int[] batchOf) {
        BatchNormKernel.Result r = kernel.compute(n, k, theta, batchOf);
        if (r.samplesUsed() > 0) {
            LOG.log(Level.INFO, () -> String.format(Locale.ROOT, "%s batchNorm: %s by Monte Carlo (%d samples); "
                            + "largest standard error NNGP %.2e, NTK %.2e", path,
                    r.nngpExact() ? "NTK" : "NTK and part of the NNGP", r.samplesUsed(), r.nngpStdErr(), r.ntkStdErr()));
        }
        return r;
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        return new Twin(ctx.input());
    }

    /** Normalises each channel over the whole batch it is given (then applies the activation). */
    private final class Twin implements FiniteLayer {
        private final Shape shape;
        private double[][] normalised;
        private double[] invStd;

        Twin(Shape shape) {
            this.shape = shape;
        }

        @Override
        public Batch forward(Batch x) {
            int b = x.size();
            int c = shape.channels();
            double[][] in = x.data();
            normalised = new double[b][c];
            invStd = new double[c];
            Batch out = Batch.zeros(b, x.spatial(), c, x.mask());
            for (int ch = 0; ch < c; ch++) {
                double mu = 0;
                for (double[] row : in) {
                    mu += row[ch];
                }
                mu /= b;
                double var = 0;
                for (double[] row : in) {
                    var += (row[ch] - mu) * (row[ch] - mu);
                }
                double sd = Math.sqrt(var / b + eps);
                // A constant channel with eps = 0 is 0/0: the kernel rule takes it as 0, and so do we.
                invStd[ch] = sd > 0 ? 1 / sd : 0;
                for (int i = 0; i < b; i++) {
                    double y = (in[i][ch] - mu) * invStd[ch];
                    normalised[i][ch] = y;
                    out.data()[i][ch] = activation == null ? y : activation.function().value(y);
                }
            }
            return out;
        }

        @Override
        public Batch backward(Batch g, Gradients gradients) {
            int b = g.size();
            int c = shape.channels();
            Batch gx = Batch.zeros(b, g.spatial(), c, g.mask());
            double[] gy = new double[b];
            for (int ch = 0; ch < c; ch++) {
                double mean = 0;
                double meanY = 0;
                for (int i = 0; i < b; i++) {
                    double y = normalised[i][ch];
                    gy[i] = g.data()[i][ch] * (activation == null ? 1 : activation.function().derivative(y));
                    mean += gy[i] / b;
                    meanY += gy[i] * y / b;
                }
                for (int i = 0; i < b; i++) {
                    gx.data()[i][ch] = invStd[ch] * (gy[i] - mean - normalised[i][ch] * meanY);
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
