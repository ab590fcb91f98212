package org.ntk4j.layers.attention;

import java.util.List;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * Test-only readout: the mean over all positions (masked ones included, in both the kernel and the
 * twin). Its kernel is the mean of the S×S block of every pair; it has no parameters.
 */
final class MeanPoolForTests implements Layer {
    private final String path;

    MeanPoolForTests(String path) {
        this.path = path;
    }

    @Override
    public String type() {
        return "testMeanPool";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        return in.withSpatial(new int[0], in.channels());
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public KernelState apply(KernelState s) {
        KernelState out = s.reshaped(new int[0], KernelState.Positions.NONE, s.channels(), null, null);
        int e = s.entrySize();
        mean(s.cross(), out.cross(), e);
        if (s.hasNtk()) {
            mean(s.ntk(), out.ntk(), e);
        }
        mean(s.self1(), out.self1(), e);
        mean(s.self2(), out.self2(), e);
        return out;
    }

    private static void mean(double[] blocks, double[] out, int e) {
        for (int k = 0; k < out.length; k++) {
            double acc = 0;
            for (int m = 0; m < e; m++) {
                acc += blocks[k * e + m];
            }
            out[k] = acc / e;
        }
    }

    @Override
    public FiniteLayer finite(FiniteContext context) {
        Shape in = context.input();
        return new FiniteLayer() {
            @Override
            public Batch forward(Batch x) {
                int c = x.channels();
                int s = x.positions();
                Batch y = Batch.zeros(x.size(), new int[0], c, null);
                for (int m = 0; m < x.size(); m++) {
                    for (int p = 0; p < s; p++) {
                        for (int ch = 0; ch < c; ch++) {
                            y.data()[m][ch] += x.data()[m][p * c + ch] / s;
                        }
                    }
                }
                return y;
            }

            @Override
            public Batch backward(Batch g, Gradients gradients) {
                int c = in.channels();
                int s = in.positions();
                Batch gx = Batch.zeros(g.size(), in.spatial(), c, null);
                for (int m = 0; m < g.size(); m++) {
                    for (int p = 0; p < s; p++) {
                        for (int ch = 0; ch < c; ch++) {
                            gx.data()[m][p * c + ch] = g.data()[m][ch] / s;
                        }
                    }
                }
                return gx;
            }

            @Override
            public Shape output() {
                return in.withSpatial(new int[0], in.channels());
            }

            @Override
            public List<double[]> parameters() {
                return List.of();
            }
        };
    }
}
