package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.finite.FiniteNetwork;
import org.ntk4j.engine.finite.MonteCarloKernels;

/**
 * The whole per-position NNGP, not just a pooled readout: every S×S block {@code K'(x_i, x_j)} of the
 * attention layer against {@code mean_units y_i[p] y_j[q]} of width-1024 twins, masked positions
 * (queries and keys) included. Forward passes only, so cheap.
 */
class AttentionPositionBlocksTest {

    private static FiniteContext context(Shape input, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new FiniteContext() {
            @Override
            public int width() {
                return 1024;
            }

            @Override
            public Parameterization parameterization() {
                return Parameterization.NTK;
            }

            @Override
            public SplittableRandom random() {
                return rng;
            }

            @Override
            public Shape input() {
                return input;
            }

            @Override
            public FiniteLayer finite(Layer layer, Shape in) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static double blockError(String params, Inputs x, int twins) {
        Layer layer = Ntk4j.create().parse("{\"layers\": [{\"type\": \"attention\"" + params
                + "}, {\"type\": \"testMeanPool\"}, {\"type\": \"dense\"}]}").layers().get(0);
        int n = x.count();
        int s = x.positions();
        int d = x.channels();
        KernelState state = KernelState.create(n, n, x.spatial(), KernelState.Positions.FULL, d, false, x.mask(), x.mask());
        double[] v = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < s; p++) {
                    for (int q = 0; q < s; q++) {
                        double dot = 0;
                        for (int c = 0; c < d; c++) {
                            dot += v[(i * s + p) * d + c] * v[(j * s + q) * d + c];
                        }
                        state.cross()[((i * n + j) * s + p) * s + q] = dot / d;
                        if (i == j) {
                            state.self1()[(i * s + p) * s + q] = dot / d;
                            state.self2()[(i * s + p) * s + q] = dot / d;
                        }
                    }
                }
            }
        }
        double[] exact = layer.apply(state).cross();
        double[] mc = new double[exact.length];
        Batch batch = FiniteNetwork.batchOf(x);
        for (int t = 0; t < twins; t++) {
            FiniteLayer twin = layer.finite(context(x.shape1(), 50 + t));
            Batch y = twin.forward(batch);
            int w = y.channels();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < s; p++) {
                        for (int q = 0; q < s; q++) {
                            double acc = 0;
                            for (int o = 0; o < w; o++) {
                                acc += y.data()[i][p * w + o] * y.data()[j][q * w + o];
                            }
                            mc[((i * n + j) * s + p) * s + q] += acc / w / twins;
                        }
                    }
                }
            }
        }
        double err = MonteCarloKernels.relativeFrobenius(mc, exact);
        System.out.printf("per-position NNGP%s: rel. Frobenius error %.4f (%d twins of width 1024)%n", params, err, twins);
        return err;
    }

    @Test
    void everyPositionPairMatches() {
        Inputs x = SequenceInputs.random(3, 5, 4, 61, SequenceInputs.lengths(5, 5, 3, 4));
        assertThat(blockError(", \"qkStd\": 1.6, \"bStd\": 0.2", x, 16)).isLessThan(0.05);
        assertThat(blockError(", \"qkStd\": 1.6, \"causal\": true, \"posEmb\": \"sum\", \"posDecay\": 0.4", x, 16))
                .isLessThan(0.05);
    }

    @Test
    void imagesWithPositionalEmbeddings() {
        double[] data = new double[2 * 2 * 3 * 4];
        SplittableRandom rng = new SplittableRandom(62);
        for (int k = 0; k < data.length; k++) {
            data[k] = rng.nextGaussian();
        }
        Inputs x = new Inputs("images", new int[]{2, 2, 3, 4}, data, null);
        assertThat(blockError(", \"qkStd\": 1.5, \"posEmb\": \"sum\", \"posStd\": 1.5, \"posDecay\": 0.5", x, 16))
                .isLessThan(0.05);
    }
}
