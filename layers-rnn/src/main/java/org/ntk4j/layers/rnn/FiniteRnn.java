package org.ntk4j.layers.rnn;

import java.util.List;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * The finite twin of {@code rnn}: one W (n×n), U (n×d), β (n) shared by all steps; forward over
 * present steps, backward through time. Parameters in the order W, U, β.
 */
final class FiniteRnn implements FiniteLayer {
    private final ActivationFunction phi;
    private final OutputMode output;
    private final Shape in;
    private final int n;
    private final int d;
    private final double[] w;
    private final double[] u;
    private final double[] b;
    private final double sw;
    private final double su;
    private final double sb;
    private Batch input;
    /** Per example: pre-activations g at every time step (zero at masked steps), {@code [t * n + k]}. */
    private double[][] pre;
    /** Per example: the state visible at every time step (carried over masked steps). */
    private double[][] states;

    FiniteRnn(FiniteContext ctx, ActivationFunction phi, WeightScales scales, OutputMode output, int width) {
        this.phi = phi;
        this.output = output;
        this.in = ctx.input();
        this.n = width;
        this.d = in.channels();
        this.w = new double[n * n];
        this.u = new double[n * d];
        this.b = new double[n];
        boolean ntk = ctx.parameterization() == Parameterization.NTK;
        Normals.fill(w, ntk ? 1.0 : scales.wStd() / Math.sqrt(n), ctx.random());
        Normals.fill(u, ntk ? 1.0 : scales.uStd() / Math.sqrt(d), ctx.random());
        Normals.fill(b, ntk ? 1.0 : scales.bStd(), ctx.random());
        this.sw = ntk ? scales.wStd() / Math.sqrt(n) : 1.0;
        this.su = ntk ? scales.uStd() / Math.sqrt(d) : 1.0;
        this.sb = ntk ? scales.bStd() : 1.0;
    }

    @Override
    public Batch forward(Batch x) {
        input = x;
        int steps = x.positions();
        int size = x.size();
        pre = new double[size][steps * n];
        states = new double[size][steps * n];
        for (int e = 0; e < size; e++) {
            double[] xr = x.data()[e];
            double[] g = pre[e];
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
                for (int k = 0; k < n; k++) {
                    double acc = 0;
                    if (prev >= 0) {
                        int wr = k * n;
                        for (int l = 0; l < n; l++) {
                            acc += w[wr + l] * h[prev + l];
                        }
                    }
                    double ax = 0;
                    int ur = k * d;
                    int xo = t * d;
                    for (int c = 0; c < d; c++) {
                        ax += u[ur + c] * xr[xo + c];
                    }
                    double v = sw * acc + su * ax + sb * b[k];
                    g[o + k] = v;
                    h[o + k] = phi.value(v);
                }
                prev = o;
            }
        }
        return SequenceOutput.of(output, x, states, n);
    }

    @Override
    public Batch backward(Batch cot, Gradients gradients) {
        int steps = input.positions();
        double[] gw = new double[w.length];
        double[] gu = new double[u.length];
        double[] gb = new double[b.length];
        Batch gx = Batch.zeros(input.size(), input.spatial(), d, input.mask());
        double[] dh = new double[n];
        double[] dg = new double[n];
        for (int e = 0; e < input.size(); e++) {
            java.util.Arrays.fill(dh, 0);
            double[] xr = input.data()[e];
            double[] g = pre[e];
            double[] h = states[e];
            for (int t = steps - 1; t >= 0; t--) {
                // The cotangent of the state visible at t: from the output, plus what later steps sent back.
                SequenceOutput.addCotangent(output, input, cot, e, t, dh, n);
                if (!input.present(e, t)) {
                    continue;
                }
                int o = t * n;
                int prev = SequenceOutput.previousPresent(input, e, t);
                for (int k = 0; k < n; k++) {
                    dg[k] = dh[k] * phi.derivative(g[o + k]);
                }
                double[] gxr = gx.data()[e];
                int xo = t * d;
                for (int k = 0; k < n; k++) {
                    double v = dg[k];
                    if (v == 0) {
                        continue;
                    }
                    gb[k] += sb * v;
                    int ur = k * d;
                    for (int cc = 0; cc < d; cc++) {
                        gu[ur + cc] += su * v * xr[xo + cc];
                        gxr[xo + cc] += su * v * u[ur + cc];
                    }
                }
                java.util.Arrays.fill(dh, 0);
                if (prev >= 0) {
                    int po = prev * n;
                    for (int k = 0; k < n; k++) {
                        double v = sw * dg[k];
                        if (v == 0) {
                            continue;
                        }
                        int wr = k * n;
                        for (int l = 0; l < n; l++) {
                            gw[wr + l] += v * h[po + l];
                            dh[l] += v * w[wr + l];
                        }
                    }
                }
            }
        }
        gradients.add(gw);
        gradients.add(gu);
        gradients.add(gb);
        return gx;
    }

    @Override
    public Shape output() {
        return output == OutputMode.SEQUENCE ? in.withChannels(n) : Shape.vector(n);
    }

    @Override
    public List<double[]> parameters() {
        return List.of(w, u, b);
    }
}
