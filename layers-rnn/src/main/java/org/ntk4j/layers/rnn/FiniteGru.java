package org.ntk4j.layers.rnn;

import java.util.Arrays;
import java.util.List;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * The finite twin of {@code gru}: per gate g ∈ {z, r, h} one W_g (n×n), U_g (n×d), β_g (n) shared by all
 * steps; forward over present steps, backward through time. Parameters in the order
 * W_z, U_z, β_z, W_r, U_r, β_r, W_h, U_h, β_h.
 */
final class FiniteGru implements FiniteLayer {
    private static final int Z = 0;
    private static final int R = 1;
    private static final int H = 2;

    private final OutputMode output;
    private final Shape in;
    private final int n;
    private final int d;
    private final double[][] w = new double[3][];
    private final double[][] u = new double[3][];
    private final double[][] b = new double[3][];
    private final double sw;
    private final double su;
    private final double sb;
    private Batch input;
    /** Per example, per time {@code [t * n + k]}: the gates z, r, the candidate ĥ and r ⊙ h_{t−1} (zero when masked). */
    private double[][] zs;
    private double[][] rs;
    private double[][] cands;
    private double[][] rhs;
    private double[][] states;

    FiniteGru(FiniteContext ctx, WeightScales scales, OutputMode output, int width) {
        this.output = output;
        this.in = ctx.input();
        this.n = width;
        this.d = in.channels();
        boolean ntk = ctx.parameterization() == Parameterization.NTK;
        for (int g = 0; g < 3; g++) {
            w[g] = new double[n * n];
            u[g] = new double[n * d];
            b[g] = new double[n];
            Normals.fill(w[g], ntk ? 1.0 : scales.wStd() / Math.sqrt(n), ctx.random());
            Normals.fill(u[g], ntk ? 1.0 : scales.uStd() / Math.sqrt(d), ctx.random());
            Normals.fill(b[g], ntk ? 1.0 : scales.bStd(), ctx.random());
        }
        this.sw = ntk ? scales.wStd() / Math.sqrt(n) : 1.0;
        this.su = ntk ? scales.uStd() / Math.sqrt(d) : 1.0;
        this.sb = ntk ? scales.bStd() : 1.0;
    }

    /** {@code out[k] = sw (W v)_k + su (U x_t)_k + sb β_k} for gate g. */
    private void linear(int g, double[] v, int vo, double[] x, int xo, double[] out) {
        double[] wg = w[g];
        double[] ug = u[g];
        for (int k = 0; k < n; k++) {
            double acc = 0;
            if (v != null) {
                int r = k * n;
                for (int l = 0; l < n; l++) {
                    acc += wg[r + l] * v[vo + l];
                }
            }
            double ax = 0;
            int r = k * d;
            for (int c = 0; c < d; c++) {
                ax += ug[r + c] * x[xo + c];
            }
            out[k] = sw * acc + su * ax + sb * b[g][k];
        }
    }

    @Override
    public Batch forward(Batch x) {
        input = x;
        int steps = x.positions();
        int size = x.size();
        zs = new double[size][steps * n];
        rs = new double[size][steps * n];
        cands = new double[size][steps * n];
        rhs = new double[size][steps * n];
        states = new double[size][steps * n];
        double[] a = new double[n];
        double[] rh = new double[n];
        for (int e = 0; e < size; e++) {
            double[] xr = x.data()[e];
            double[] h = states[e];
            int prev = -1;
            for (int t = 0; t < steps; t++) {
                int o = t * n;
                if (!x.present(e, t)) {
                    if (prev >= 0) {
                        System.arraycopy(h, prev, h, o, n);
                    }
                    continue;
                }
                double[] hp = prev < 0 ? null : h;
                linear(Z, hp, prev, xr, t * d, a);
                for (int k = 0; k < n; k++) {
                    zs[e][o + k] = sigmoid(a[k]);
                }
                linear(R, hp, prev, xr, t * d, a);
                for (int k = 0; k < n; k++) {
                    rs[e][o + k] = sigmoid(a[k]);
                    rh[k] = prev < 0 ? 0 : rs[e][o + k] * h[prev + k];
                    rhs[e][o + k] = rh[k];
                }
                linear(H, prev < 0 ? null : rh, 0, xr, t * d, a);
                for (int k = 0; k < n; k++) {
                    double c = Math.tanh(a[k]);
                    cands[e][o + k] = c;
                    double z = zs[e][o + k];
                    h[o + k] = (1 - z) * (prev < 0 ? 0 : h[prev + k]) + z * c;
                }
                prev = o;
            }
        }
        return SequenceOutput.of(output, x, states, n);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public Batch backward(Batch cot, Gradients gradients) {
        int steps = input.positions();
        double[][] gw = new double[3][n * n];
        double[][] gu = new double[3][n * d];
        double[][] gb = new double[3][n];
        Batch gx = Batch.zeros(input.size(), input.spatial(), d, input.mask());
        double[] dh = new double[n];
        double[] dhp = new double[n];
        double[][] da = new double[3][n];
        double[] drh = new double[n];
        for (int e = 0; e < input.size(); e++) {
            Arrays.fill(dh, 0);
            double[] xr = input.data()[e];
            double[] h = states[e];
            for (int t = steps - 1; t >= 0; t--) {
                SequenceOutput.addCotangent(output, input, cot, e, t, dh, n);
                if (!input.present(e, t)) {
                    continue;
                }
                int o = t * n;
                int prevT = SequenceOutput.previousPresent(input, e, t);
                int po = prevT * n;
                for (int k = 0; k < n; k++) {
                    double z = zs[e][o + k];
                    double c = cands[e][o + k];
                    double hp = prevT < 0 ? 0 : h[po + k];
                    da[Z][k] = dh[k] * (c - hp) * z * (1 - z);
                    da[H][k] = dh[k] * z * (1 - c * c);
                    dhp[k] = dh[k] * (1 - z);
                }
                // The candidate's recurrent input is r ⊙ h_{t−1}.
                Arrays.fill(drh, 0);
                accumulate(H, da[H], rhs[e], o, prevT >= 0, xr, t * d, gw, gu, gb, drh, gx.data()[e]);
                for (int k = 0; k < n; k++) {
                    double r = rs[e][o + k];
                    double hp = prevT < 0 ? 0 : h[po + k];
                    da[R][k] = drh[k] * hp * r * (1 - r);
                    dhp[k] += drh[k] * r;
                }
                accumulate(R, da[R], h, po, prevT >= 0, xr, t * d, gw, gu, gb, dhp, gx.data()[e]);
                accumulate(Z, da[Z], h, po, prevT >= 0, xr, t * d, gw, gu, gb, dhp, gx.data()[e]);
                System.arraycopy(dhp, 0, dh, 0, n);
            }
        }
        for (int g = 0; g < 3; g++) {
            gradients.add(gw[g]);
            gradients.add(gu[g]);
            gradients.add(gb[g]);
        }
        return gx;
    }

    /**
     * Gradients of gate g from its pre-activation cotangent {@code dag}: W_g against its recurrent input
     * {@code v[vo..]} (when there is one), U_g against x_t, β_g; adds {@code sw W_gᵀ dag} to {@code dv} and
     * {@code su U_gᵀ dag} to the input cotangent.
     */
    private void accumulate(int g, double[] dag, double[] v, int vo, boolean hasV, double[] x, int xo, double[][] gw,
                            double[][] gu, double[][] gb, double[] dv, double[] gxr) {
        double[] wg = w[g];
        double[] ug = u[g];
        for (int k = 0; k < n; k++) {
            double s = dag[k];
            if (s == 0) {
                continue;
            }
            gb[g][k] += sb * s;
            int ur = k * d;
            for (int c = 0; c < d; c++) {
                gu[g][ur + c] += su * s * x[xo + c];
                gxr[xo + c] += su * s * ug[ur + c];
            }
            if (hasV) {
                double ss = sw * s;
                int wr = k * n;
                for (int l = 0; l < n; l++) {
                    gw[g][wr + l] += ss * v[vo + l];
                    dv[l] += ss * wg[wr + l];
                }
            }
        }
    }

    @Override
    public Shape output() {
        return output == OutputMode.SEQUENCE ? in.withChannels(n) : Shape.vector(n);
    }

    @Override
    public List<double[]> parameters() {
        return List.of(w[Z], u[Z], b[Z], w[R], u[R], b[R], w[H], u[H], b[H]);
    }
}
