package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.Layer;

/** Backward passes of the finite twins against central finite differences of a random linear read-out. */
class TwinGradientTest {

    @Test
    void convTwinGradients() {
        for (Padding p : Padding.values()) {
            check(new Conv("c", new int[]{3, 2}, new int[]{2, 1}, p, 1.3, 0.5, 8, Parameterization.NTK),
                    new Shape(new int[]{5, 4}, 3), 2);
            check(new Conv("c", new int[]{3}, null, p, 0.8, 0.2, 6, Parameterization.STANDARD),
                    new Shape(new int[]{6}, 2), 2);
        }
    }

    @Test
    void avgPoolTwinGradients() {
        check(new AvgPool("p", new int[]{2, 3}, new int[]{2, 2}, Padding.SAME), new Shape(new int[]{5, 4}, 3), 2);
        check(new AvgPool("p", new int[]{2}, new int[]{2}, Padding.VALID), new Shape(new int[]{5}, 2), 1);
    }

    @Test
    void batchNormTwinGradientsAcrossTheBatch() {
        check(new BatchNorm("b", 0.0, null, 1000, 0), Shape.vector(4), 5);
        check(new BatchNorm("b", 0.2, ArcCosRelu.INSTANCE, 1000, 0), Shape.vector(3), 6);
    }

    /** d(Σ r ⊙ f(x))/dx and /dθ from backward against finite differences. */
    private static void check(Layer layer, Shape in, int batch) {
        SplittableRandom rng = new SplittableRandom(11);
        FiniteLayer twin = layer.finite(context(in, rng));
        double[][] x = new double[batch][in.positions() * in.channels()];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextDouble(-1, 1);
            }
        }
        Batch xb = new Batch(in.spatial(), in.channels(), x, null);
        Batch out = twin.forward(xb);
        double[][] r = new double[batch][out.data()[0].length];
        for (double[] row : r) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextDouble(-1, 1);
            }
        }
        List<double[]> grads = new ArrayList<>();
        Batch gx = twin.backward(new Batch(out.spatial(), out.channels(), r, null), grads::add);
        double h = 1e-6;
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < x[b].length; k++) {
                double keep = x[b][k];
                x[b][k] = keep + h;
                double up = readout(twin.forward(xb), r);
                x[b][k] = keep - h;
                double down = readout(twin.forward(xb), r);
                x[b][k] = keep;
                assertThat(gx.data()[b][k]).as("input grad %d,%d of %s", b, k, layer.type())
                        .isCloseTo((up - down) / (2 * h), within(1e-6));
            }
        }
        List<double[]> params = twin.parameters();
        assertThat(grads).hasSize(params.size());
        for (int a = 0; a < params.size(); a++) {
            double[] w = params.get(a);
            for (int k = 0; k < w.length; k += Math.max(1, w.length / 40)) {
                double keep = w[k];
                w[k] = keep + h;
                double up = readout(twin.forward(xb), r);
                w[k] = keep - h;
                double down = readout(twin.forward(xb), r);
                w[k] = keep;
                assertThat(grads.get(a)[k]).as("param %d[%d] of %s", a, k, layer.type())
                        .isCloseTo((up - down) / (2 * h), within(1e-6));
            }
        }
    }

    private static double readout(Batch y, double[][] r) {
        double s = 0;
        for (int b = 0; b < r.length; b++) {
            for (int k = 0; k < r[b].length; k++) {
                s += r[b][k] * y.data()[b][k];
            }
        }
        return s;
    }

    private static FiniteContext context(Shape in, SplittableRandom rng) {
        return new FiniteContext() {
            @Override
            public int width() {
                return 5;
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
                return in;
            }

            @Override
            public FiniteLayer finite(Layer layer, Shape input) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
