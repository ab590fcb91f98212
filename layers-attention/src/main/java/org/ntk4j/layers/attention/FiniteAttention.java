package org.ntk4j.layers.attention;

import java.util.List;
import java.util.SplittableRandom;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * The finite-width twin of {@link Attention}: the network its class comment defines, at head width n.
 * Parameters, in {@link #parameters()} order: the tied query/key matrices W ({@code heads × n × C}),
 * the value matrices W_V ({@code heads × n × C}), the output matrix W_O ({@code n × heads·n}) and the
 * bias β ({@code n}). The positional embedding, when used, is a fixed random draw, not a parameter.
 */
final class FiniteAttention implements FiniteLayer {

    private final AttentionSettings settings;
    private final Shape in;
    private final int heads;
    private final int n;
    private final int wide;
    private final double[] wq;
    private final double[] wv;
    private final double[] wo;
    private final double[] b;
    private final double[][] embedding;
    private final double scaleQ;
    private final double scaleLogits;
    private final double scalePos;
    private final double scaleV;
    private final double scaleO;
    private final double scaleB;

    private Batch input;
    private double[][][] queries;
    private double[][][] weights;
    private double[][][] values;
    private double[][] mixed;

    FiniteAttention(AttentionSettings settings, FiniteContext ctx, int n) {
        this.settings = settings;
        this.in = ctx.input();
        this.heads = settings.heads();
        this.n = n;
        this.wide = heads * n;
        int c = in.channels();
        this.wq = new double[heads * n * c];
        this.wv = new double[heads * n * c];
        this.wo = new double[n * wide];
        this.b = new double[n];
        boolean ntk = ctx.parameterization() == Parameterization.NTK;
        double rootC = Math.sqrt(c);
        SplittableRandom rng = ctx.random();
        fill(wq, ntk ? 1.0 : settings.qkStd() / rootC, rng);
        fill(wv, ntk ? 1.0 : settings.vStd() / rootC, rng);
        fill(wo, ntk ? 1.0 : settings.oStd() / Math.sqrt(wide), rng);
        fill(b, ntk ? 1.0 : settings.bStd(), rng);
        this.scaleQ = ntk ? 1.0 / rootC : 1.0;
        this.scaleLogits = (ntk ? settings.qkStd() * settings.qkStd() : 1.0) / n;
        this.scalePos = ntk ? settings.posStd() : settings.qkStd() * settings.posStd();
        this.scaleV = ntk ? settings.vStd() / rootC : 1.0;
        this.scaleO = ntk ? settings.oStd() / Math.sqrt(wide) : 1.0;
        this.scaleB = ntk ? settings.bStd() : 1.0;
        this.embedding = settings.posEmb() ? embeddings(rng) : null;
    }

    private static void fill(double[] a, double std, SplittableRandom rng) {
        for (int k = 0; k < a.length; k++) {
            a[k] = std * rng.nextGaussian();
        }
    }

    /** {@code embedding[h][p * n + a]}: per head and unit, one field over the positions. */
    private double[][] embeddings(SplittableRandom rng) {
        int s = in.positions();
        double[][] e = new double[heads][s * n];
        double[] field = new double[s];
        for (int h = 0; h < heads; h++) {
            for (int a = 0; a < n; a++) {
                PositionalCovariance.sample(in.spatial(), settings.posDecay(), rng, field);
                for (int p = 0; p < s; p++) {
                    e[h][p * n + a] = field[p];
                }
            }
        }
        return e;
    }

    @Override
    public Batch forward(Batch x) {
        input = x;
        int count = x.size();
        int s = x.positions();
        queries = new double[count][heads][];
        weights = new double[count][heads][];
        values = new double[count][heads][];
        mixed = new double[count][];
        Batch y = Batch.zeros(count, x.spatial(), n, x.mask());
        for (int m = 0; m < count; m++) {
            double[] xr = x.data()[m];
            boolean[] mask = x.mask() == null ? null : x.mask()[m];
            double[] u = new double[s * wide];
            for (int h = 0; h < heads; h++) {
                double[] q = project(wq, h, xr, scaleQ, s);
                if (embedding != null) {
                    for (int k = 0; k < q.length; k++) {
                        q[k] += scalePos * embedding[h][k];
                    }
                }
                double[] v = project(wv, h, xr, scaleV, s);
                double[] a = new double[s * s];
                for (int p = 0; p < s; p++) {
                    for (int j = 0; j < s; j++) {
                        a[p * s + j] = scaleLogits * dot(q, p * n, q, j * n, n);
                    }
                }
                AttentionWeights.softmaxRows(a, 0, s, mask, settings.causal());
                for (int p = 0; p < s; p++) {
                    int up = p * wide + h * n;
                    for (int j = 0; j < s; j++) {
                        double w = a[p * s + j];
                        if (w != 0.0) {
                            axpy(w, v, j * n, u, up, n);
                        }
                    }
                }
                queries[m][h] = q;
                weights[m][h] = a;
                values[m][h] = v;
            }
            mixed[m] = u;
            double[] yr = y.data()[m];
            // Output unit outer, positions inner: each row of W_O is read from memory once per example.
            for (int o = 0; o < n; o++) {
                for (int p = 0; p < s; p++) {
                    yr[p * n + o] = scaleO * dot(wo, o * wide, u, p * wide, wide) + scaleB * b[o];
                }
            }
        }
        return y;
    }

    /** {@code scale · W_h x_p} for every position: {@code out[p * n + a]}. */
    private double[] project(double[] w, int h, double[] x, double scale, int s) {
        int c = in.channels();
        double[] out = new double[s * n];
        // Unit outer, positions inner: each weight row is read from memory once per example.
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < s; p++) {
                out[p * n + a] = scale * dot(w, (h * n + a) * c, x, p * c, c);
            }
        }
        return out;
    }

    @Override
    public Batch backward(Batch g, Gradients gradients) {
        int c = in.channels();
        int s = g.positions();
        double[] gq = new double[wq.length];
        double[] gv = new double[wv.length];
        double[] go = new double[wo.length];
        double[] gb = new double[b.length];
        Batch gx = Batch.zeros(g.size(), g.spatial(), c, g.mask());
        for (int m = 0; m < g.size(); m++) {
            double[] gr = g.data()[m];
            double[] xr = input.data()[m];
            double[] gxr = gx.data()[m];
            double[] u = mixed[m];
            double[] gu = new double[s * wide];
            for (int o = 0; o < n; o++) {
                for (int p = 0; p < s; p++) {
                    double v = gr[p * n + o];
                    if (v == 0.0) {
                        continue;
                    }
                    gb[o] += scaleB * v;
                    axpy(scaleO * v, u, p * wide, go, o * wide, wide);
                    axpy(scaleO * v, wo, o * wide, gu, p * wide, wide);
                }
            }
            for (int h = 0; h < heads; h++) {
                backwardHead(m, h, gu, xr, gxr, gq, gv, s, c);
            }
        }
        gradients.add(gq);
        gradients.add(gv);
        gradients.add(go);
        gradients.add(gb);
        return gx;
    }

    private void backwardHead(int m, int h, double[] gu, double[] xr, double[] gxr, double[] gq, double[] gv,
                              int s, int c) {
        double[] a = weights[m][h];
        double[] v = values[m][h];
        double[] q = queries[m][h];
        // Values: u_p = Σ_j A_pj v_j.
        double[] dv = new double[s * n];
        double[] dl = new double[s * s];
        for (int p = 0; p < s; p++) {
            int up = p * wide + h * n;
            double mean = 0;
            for (int j = 0; j < s; j++) {
                double w = a[p * s + j];
                if (w == 0.0) {
                    continue;
                }
                axpy(w, gu, up, dv, j * n, n);
                double da = dot(gu, up, v, j * n, n);
                dl[p * s + j] = da;
                mean += w * da;
            }
            // Softmax: dℓ_pj = A_pj (dA_pj − Σ_m A_pm dA_pm); hidden keys have A = 0 and stay 0.
            for (int j = 0; j < s; j++) {
                dl[p * s + j] = a[p * s + j] * (dl[p * s + j] - mean);
            }
        }
        // Logits: ℓ_pj = scaleLogits <q_p, q_j> with tied queries and keys.
        double[] dq = new double[s * n];
        for (int p = 0; p < s; p++) {
            for (int j = 0; j < s; j++) {
                double w = scaleLogits * (dl[p * s + j] + dl[j * s + p]);
                if (w != 0.0) {
                    axpy(w, q, j * n, dq, p * n, n);
                }
            }
        }
        projectBack(wv, gv, h, dv, xr, gxr, scaleV, s, c);
        projectBack(wq, gq, h, dq, xr, gxr, scaleQ, s, c);
    }

    /** Gradients of {@code out_p = scale · W_h x_p}: into the weights {@code gw} and the input {@code gx}. */
    private void projectBack(double[] w, double[] gw, int h, double[] dout, double[] x, double[] gx, double scale,
                             int s, int c) {
        for (int a = 0; a < n; a++) {
            int row = (h * n + a) * c;
            for (int p = 0; p < s; p++) {
                double d = scale * dout[p * n + a];
                if (d == 0.0) {
                    continue;
                }
                axpy(d, x, p * c, gw, row, c);
                axpy(d, w, row, gx, p * c, c);
            }
        }
    }

    private static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s0 = 0;
        double s1 = 0;
        int k = 0;
        for (; k + 1 < len; k += 2) {
            s0 += x[xo + k] * y[yo + k];
            s1 += x[xo + k + 1] * y[yo + k + 1];
        }
        if (k < len) {
            s0 += x[xo + k] * y[yo + k];
        }
        return s0 + s1;
    }

    private static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
        for (int k = 0; k < len; k++) {
            y[yo + k] += alpha * x[xo + k];
        }
    }

    @Override
    public Shape output() {
        return in.withChannels(n);
    }

    @Override
    public List<double[]> parameters() {
        return List.of(wq, wv, wo, b);
    }
}
