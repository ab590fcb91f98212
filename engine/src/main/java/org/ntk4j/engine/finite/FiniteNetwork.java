package org.ntk4j.engine.finite;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.engine.compute.Inputs;

/**
 * One random finite-width network built from an architecture: the twins of its layers with fresh
 * parameters. Its scalar output {@code f(x)} is unit 0 of the last layer, as the spec defines the
 * kernels for one output unit.
 */
public final class FiniteNetwork {
    private final FiniteLayer root;
    private final boolean batchCoupled;

    private FiniteNetwork(FiniteLayer root, boolean batchCoupled) {
        this.root = root;
        this.batchCoupled = batchCoupled;
    }

    /** Builds the twin of {@code network} for inputs of shape {@code input}. */
    public static FiniteNetwork build(Layer network, Shape input, Parameterization p, int width, SplittableRandom rng) {
        FiniteLayer root = new TwinContext(width, p, rng, input).finite(network, input);
        if (!root.output().isVector()) {
            throw new SpecException("layers", "the finite network must end in a vector per input, found " + root.output());
        }
        return new FiniteNetwork(root, network.isBatchCoupled());
    }

    public FiniteLayer root() {
        return root;
    }

    /** The live parameter arrays (training updates them in place). */
    public List<double[]> parameters() {
        return root.parameters();
    }

    /** Inputs as a finite batch. */
    public static Batch batchOf(Inputs x) {
        int per = x.positions() * x.channels();
        double[][] rows = new double[x.count()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[per];
            System.arraycopy(x.data(), i * per, rows[i], 0, per);
        }
        return new Batch(x.spatial(), x.channels(), rows, x.mask());
    }

    /** f(x) for every input of the batch (the batch is one batch for batch-coupled layers). */
    public double[] outputs(Batch x) {
        Batch out = root.forward(x);
        double[] f = new double[x.size()];
        for (int b = 0; b < f.length; b++) {
            f[b] = out.data()[b][0];
        }
        return f;
    }

    /**
     * Outputs and, for each input, the gradient of its output with respect to every parameter
     * (a list of arrays in {@link #parameters()} order).
     */
    public Evaluation evaluate(Batch x) {
        int n = x.size();
        double[] f = new double[n];
        double[][] units = new double[n][];
        List<List<double[]>> grads = new ArrayList<>();
        if (batchCoupled) {
            Batch out = root.forward(x);
            for (int b = 0; b < n; b++) {
                f[b] = out.data()[b][0];
                units[b] = out.data()[b].clone();
                grads.add(backwardFor(out, b));
            }
        } else {
            // Independent inputs: a batch of one each, so the parameter gradient is that input's alone.
            for (int b = 0; b < n; b++) {
                Batch one = new Batch(x.spatial(), x.channels(), new double[][]{x.data()[b]},
                        x.mask() == null ? null : new boolean[][]{x.mask()[b]});
                Batch out = root.forward(one);
                f[b] = out.data()[0][0];
                units[b] = out.data()[0].clone();
                grads.add(backwardFor(out, 0));
            }
        }
        return new Evaluation(f, units, grads);
    }

    private List<double[]> backwardFor(Batch out, int b) {
        Batch cot = Batch.zeros(out.size(), out.spatial(), out.channels(), out.mask());
        cot.data()[b][0] = 1.0;
        List<double[]> g = new ArrayList<>();
        root.backward(cot, g::add);
        return g;
    }

    /**
     * Outputs (unit 0), all output units, and per-input parameter gradients of unit 0.
     *
     * @param units {@code units[i][u]}: every unit of the last layer for input i. They are identically
     *              distributed, so averaging {@code f_u(x) f_u(x')} over them is an unbiased NNGP sample
     *              with far less variance than unit 0 alone.
     */
    public record Evaluation(double[] outputs, double[][] units, List<List<double[]>> gradients) {

        /** {@code mean_u f_u(x_i) f_u(y_j)}. */
        public double unitCovariance(int i, Evaluation other, int j) {
            double[] a = units[i];
            double[] b = other.units[j];
            double s = 0;
            for (int u = 0; u < a.length; u++) {
                s += a[u] * b[u];
            }
            return s / a.length;
        }

        /** {@code <∂f(x_i)/∂θ, ∂f(y_j)/∂θ>} for this evaluation's inputs i and {@code other}'s j. */
        public double tangent(int i, Evaluation other, int j) {
            List<double[]> a = gradients.get(i);
            List<double[]> b = other.gradients.get(j);
            double s = 0;
            for (int k = 0; k < a.size(); k++) {
                double[] u = a.get(k);
                double[] v = b.get(k);
                for (int m = 0; m < u.length; m++) {
                    s += u[m] * v[m];
                }
            }
            return s;
        }
    }
}
