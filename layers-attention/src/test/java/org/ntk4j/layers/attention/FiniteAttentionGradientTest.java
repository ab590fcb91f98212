package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.engine.Ntk4j;

/** The twin's backward pass against central finite differences of its forward pass. */
class FiniteAttentionGradientTest {

    private static FiniteContext context(Shape input, Parameterization p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new FiniteContext() {
            @Override
            public int width() {
                return 6;
            }

            @Override
            public Parameterization parameterization() {
                return p;
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
                throw new UnsupportedOperationException("attention has no nested layers");
            }
        };
    }

    /** L = Σ r ⊙ y for a fixed random cotangent r. */
    private static double loss(FiniteLayer twin, Batch x, double[][] r) {
        Batch y = twin.forward(x);
        double l = 0;
        for (int m = 0; m < r.length; m++) {
            for (int k = 0; k < r[m].length; k++) {
                l += r[m][k] * y.data()[m][k];
            }
        }
        return l;
    }

    private static void check(String json, Parameterization p) {
        Layer layer = Ntk4j.create().parse("{\"parameterization\": \"" + p.jsonName() + "\", \"layers\": [" + json
                + ", {\"type\": \"testMeanPool\"}]}").layers().get(0);
        boolean[][] mask = SequenceInputs.lengths(4, 4, 3);
        Batch x = new Batch(new int[]{4}, 3, new double[2][12], mask);
        SplittableRandom rng = new SplittableRandom(3);
        for (double[] row : x.data()) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        FiniteLayer twin = layer.finite(context(new Shape(new int[]{4}, 3), p, 5));
        int out = twin.output().channels();
        double[][] r = new double[2][4 * out];
        for (double[] row : r) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        Batch y = twin.forward(x);
        Batch cot = new Batch(y.spatial(), out, r, mask);
        List<double[]> grads = new ArrayList<>();
        Batch gx = twin.backward(cot, grads::add);
        List<double[]> params = twin.parameters();
        assertThat(grads).hasSize(4);
        double h = 1e-6;
        for (int k = 0; k < params.size(); k++) {
            double[] theta = params.get(k);
            assertThat(grads.get(k)).hasSameSizeAs(theta);
            for (int e = 0; e < theta.length; e++) {
                double keep = theta[e];
                theta[e] = keep + h;
                double up = loss(twin, x, r);
                theta[e] = keep - h;
                double down = loss(twin, x, r);
                theta[e] = keep;
                assertThat(grads.get(k)[e]).as("%s: parameter %d entry %d", json, k, e)
                        .isCloseTo((up - down) / (2 * h), org.assertj.core.api.Assertions.within(1e-6));
            }
        }
        for (int m = 0; m < 2; m++) {
            for (int e = 0; e < 12; e++) {
                double keep = x.data()[m][e];
                x.data()[m][e] = keep + h;
                double up = loss(twin, x, r);
                x.data()[m][e] = keep - h;
                double down = loss(twin, x, r);
                x.data()[m][e] = keep;
                assertThat(gx.data()[m][e]).as("%s: input %d entry %d", json, m, e)
                        .isCloseTo((up - down) / (2 * h), org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        check("{\"type\": \"attention\", \"qkStd\": 1.5, \"bStd\": 0.4}", Parameterization.NTK);
        check("{\"type\": \"attention\", \"heads\": 2, \"qkStd\": 1.2, \"causal\": true, \"posEmb\": \"sum\", "
                + "\"bStd\": 0.2}", Parameterization.NTK);
        check("{\"type\": \"attention\", \"heads\": 2, \"qkStd\": 1.2, \"posEmb\": \"sum\", \"width\": 5, "
                + "\"bStd\": 0.2}", Parameterization.STANDARD);
    }
}
