package org.ntk4j.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * Test-only: the kernels of a shared-weight {@link Rnn} (output "last", no masks), but a finite twin
 * with fresh weights W_t, U_t, β_t at every step (ntk parameterization). Monte Carlo over this twin
 * estimates the untied network's kernels, which must equal the shared ones in the limit.
 */
final class UntiedTwin implements Layer {
    private final Rnn shared;
    private final ActivationFunction phi;
    private final double wStd;
    private final double uStd;
    private final double bStd;

    UntiedTwin(Rnn shared, ActivationFunction phi, double wStd, double uStd, double bStd) {
        this.shared = shared;
        this.phi = phi;
        this.wStd = wStd;
        this.uStd = uStd;
        this.bStd = bStd;
    }

    @Override
    public String type() {
        return "untiedRnn";
    }

    @Override
    public String path() {
        return "layers[0]";
    }

    @Override
    public Shape outputShape(Shape in) {
        return shared.outputShape(in);
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public KernelState apply(KernelState in) {
        return shared.apply(in);
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        Shape in = ctx.input();
        int steps = in.positions();
        int d = in.channels();
        int n = ctx.width();
        List<double[]> params = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            double[] w = new double[n * n];
            double[] u = new double[n * d];
            double[] b = new double[n];
            Normals.fill(w, 1, ctx.random());
            Normals.fill(u, 1, ctx.random());
            Normals.fill(b, 1, ctx.random());
            params.add(w);
            params.add(u);
            params.add(b);
        }
        double sw = wStd / Math.sqrt(n);
        double su = uStd / Math.sqrt(d);
        return new FiniteLayer() {
            private double[][] g;
            private double[][] h;
            private Batch x;

            @Override
            public Batch forward(Batch input) {
                x = input;
                g = new double[input.size()][steps * n];
                h = new double[input.size()][steps * n];
                double[][] out = new double[input.size()][n];
                for (int e = 0; e < input.size(); e++) {
                    for (int t = 0; t < steps; t++) {
                        double[] w = params.get(3 * t);
                        double[] u = params.get(3 * t + 1);
                        double[] b = params.get(3 * t + 2);
                        for (int k = 0; k < n; k++) {
                            double acc = 0;
                            for (int l = 0; t > 0 && l < n; l++) {
                                acc += w[k * n + l] * h[e][(t - 1) * n + l];
                            }
                            double ax = 0;
                            for (int c = 0; c < d; c++) {
                                ax += u[k * d + c] * input.data()[e][t * d + c];
                            }
                            g[e][t * n + k] = sw * acc + su * ax + bStd * b[k];
                            h[e][t * n + k] = phi.value(g[e][t * n + k]);
                        }
                    }
                    System.arraycopy(h[e], (steps - 1) * n, out[e], 0, n);
                }
                return new Batch(new int[0], n, out, null);
            }

            @Override
            public Batch backward(Batch cot, Gradients gradients) {
                List<double[]> grads = new ArrayList<>();
                params.forEach(p -> grads.add(new double[p.length]));
                Batch gx = Batch.zeros(x.size(), x.spatial(), d, null);
                for (int e = 0; e < x.size(); e++) {
                    double[] dh = cot.data()[e].clone();
                    for (int t = steps - 1; t >= 0; t--) {
                        double[] w = params.get(3 * t);
                        double[] u = params.get(3 * t + 1);
                        double[] dg = new double[n];
                        for (int k = 0; k < n; k++) {
                            dg[k] = dh[k] * phi.derivative(g[e][t * n + k]);
                            grads.get(3 * t + 2)[k] += bStd * dg[k];
                            for (int c = 0; c < d; c++) {
                                grads.get(3 * t + 1)[k * d + c] += su * dg[k] * x.data()[e][t * d + c];
                                gx.data()[e][t * d + c] += su * dg[k] * u[k * d + c];
                            }
                        }
                        double[] next = new double[n];
                        for (int k = 0; t > 0 && k < n; k++) {
                            for (int l = 0; l < n; l++) {
                                grads.get(3 * t)[k * n + l] += sw * dg[k] * h[e][(t - 1) * n + l];
                                next[l] += sw * dg[k] * w[k * n + l];
                            }
                        }
                        dh = next;
                    }
                }
                grads.forEach(gradients::add);
                return gx;
            }

            @Override
            public Shape output() {
                return Shape.vector(n);
            }

            @Override
            public List<double[]> parameters() {
                return params;
            }
        };
    }
}
