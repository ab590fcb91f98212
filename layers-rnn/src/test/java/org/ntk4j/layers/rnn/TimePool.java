package org.ntk4j.layers.rnn;

import java.util.List;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * Test-only readout of a sequence: {@code Σ_t c_t h_t} with fixed, unequal weights, so that every
 * pair of steps (s, t) of an {@code output: "sequence"} state enters the checked kernel with its own
 * weight {@code c_s c_t} (a plain mean would hide errors that cancel).
 */
final class TimePool implements Layer {
    private final double[] c;

    TimePool(double... c) {
        this.c = c.clone();
    }

    @Override
    public String type() {
        return "timePool";
    }

    @Override
    public String path() {
        return "layers[1]";
    }

    @Override
    public Shape outputShape(Shape in) {
        return Shape.vector(in.channels());
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public KernelState apply(KernelState in) {
        int steps = in.positions();
        KernelState out = in.reshaped(new int[0], Positions.NONE, in.channels(), null, null);
        pool(in.cross(), out.cross(), steps);
        if (in.ntk() != null) {
            pool(in.ntk(), out.ntk(), steps);
        }
        pool(in.self1(), out.self1(), steps);
        pool(in.self2(), out.self2(), steps);
        return out;
    }

    private void pool(double[] blocks, double[] out, int steps) {
        for (int p = 0; p < out.length; p++) {
            double s = 0;
            for (int a = 0; a < steps; a++) {
                for (int b = 0; b < steps; b++) {
                    s += c[a] * c[b] * blocks[p * steps * steps + a * steps + b];
                }
            }
            out[p] = s;
        }
    }

    @Override
    public FiniteLayer finite(FiniteContext ctx) {
        Shape in = ctx.input();
        int n = in.channels();
        return new FiniteLayer() {
            @Override
            public Batch forward(Batch x) {
                double[][] rows = new double[x.size()][n];
                for (int e = 0; e < rows.length; e++) {
                    for (int t = 0; t < x.positions(); t++) {
                        for (int k = 0; k < n; k++) {
                            rows[e][k] += c[t] * x.data()[e][t * n + k];
                        }
                    }
                }
                return new Batch(new int[0], n, rows, null);
            }

            @Override
            public Batch backward(Batch cot, Gradients gradients) {
                int steps = in.positions();
                double[][] rows = new double[cot.size()][steps * n];
                for (int e = 0; e < rows.length; e++) {
                    for (int t = 0; t < steps; t++) {
                        for (int k = 0; k < n; k++) {
                            rows[e][t * n + k] = c[t] * cot.data()[e][k];
                        }
                    }
                }
                return new Batch(in.spatial(), n, rows, null);
            }

            @Override
            public Shape output() {
                return Shape.vector(n);
            }

            @Override
            public List<double[]> parameters() {
                return List.of();
            }
        };
    }
}
