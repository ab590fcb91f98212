package org.ntk4j.layers.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Pointwise;
import org.ntk4j.api.Serial;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/**
 * dense followed by an activation is fused into one layer (rows updated and transformed in one pass):
 * it must give the bits of the two layers applied one after the other, in every position mode, with
 * runs long and short, in both parameterizations.
 */
class DenseActivationTest {

    /** A dual that is cheap, nonlinear in all three arguments, and order-sensitive enough to catch mix-ups. */
    private static final DualActivation DUAL = new DualActivation() {
        @Override
        public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
            for (int i = 0; i < n; i++) {
                cov[i] = k12[i] * k12[i] / (1 + k11[i]) + 0.3 * k22[i];
                if (dot != null) {
                    dot[i] = 1 + 0.1 * k12[i] - 0.05 * k11[i] * k22[i];
                }
            }
        }

        @Override
        public String describe() {
            return "test";
        }
    };

    private static final Layer ACTIVATION = new Layer() {
        @Override
        public String type() {
            return "testActivation";
        }

        @Override
        public String path() {
            return "layers[1]";
        }

        @Override
        public Shape outputShape(Shape in) {
            return in;
        }

        @Override
        public KernelState apply(KernelState in) {
            return Pointwise.apply(in, DUAL);
        }

        @Override
        public Activation activation() {
            return new Activation() {
                @Override
                public String name() {
                    return "testActivation";
                }

                @Override
                public ActivationFunction function() {
                    throw new UnsupportedOperationException("kernels only");
                }

                @Override
                public DualActivation dual() {
                    return DUAL;
                }
            };
        }

        @Override
        public FiniteLayer finite(FiniteContext context) {
            throw new UnsupportedOperationException("kernels only");
        }
    };

    @Test
    void fusedEqualsSeparateInEveryMode() {
        for (Parameterization p : Parameterization.values()) {
            Dense dense = new Dense("layers[0]", 1.3, 0.2, 64, p);
            Layer fused = new Serial("serial", "", List.of(dense, ACTIVATION));
            assertThat(fused instanceof Serial s && s.layers().get(0) instanceof DenseActivation).isTrue();
            for (Positions mode : Positions.values()) {
                for (int[] spatial : mode == Positions.NONE ? new int[][] {{}} : new int[][] {{3}, {6, 7}}) {
                    KernelState a = state(4, 5, spatial, mode, 11);
                    KernelState b = a.copy();
                    fused.apply(a);
                    ACTIVATION.apply(dense.apply(b));
                    String what = p + " " + mode + " " + spatial.length;
                    assertThat(a.cross()).as(what).containsExactly(b.cross());
                    assertThat(a.ntk()).as(what).containsExactly(b.ntk());
                    assertThat(a.self1()).as(what).containsExactly(b.self1());
                    assertThat(a.self2()).as(what).containsExactly(b.self2());
                    assertThat(a.channels()).isEqualTo(b.channels());
                }
            }
        }
    }

    /** Inner products of random inputs (positive variances, correlations of both signs). */
    private static KernelState state(int n1, int n2, int[] spatial, Positions mode, long seed) {
        int size = 1;
        for (int s : spatial) {
            size *= s;
        }
        int d = 5;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n1 + n2][size * d];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextDouble(-1, 1);
            }
        }
        KernelState s = KernelState.create(n1, n2, spatial, mode, d, true, null, null);
        int e = s.entrySize();
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                fill(x[i], x[n1 + j], size, d, mode, s.cross(), (i * n2 + j) * e, 1.0);
                fill(x[i], x[n1 + j], size, d, mode, s.ntk(), (i * n2 + j) * e, 2.0);
            }
            fill(x[i], x[i], size, d, mode, s.self1(), i * e, 1.0);
        }
        for (int j = 0; j < n2; j++) {
            fill(x[n1 + j], x[n1 + j], size, d, mode, s.self2(), j * e, 1.0);
        }
        return s;
    }

    private static void fill(double[] a, double[] b, int size, int d, Positions mode, double[] out, int off, double scale) {
        int k = off;
        for (int p = 0; p < size; p++) {
            int from = mode == Positions.FULL ? 0 : p;
            int to = mode == Positions.FULL ? size : p + 1;
            for (int q = from; q < to; q++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += a[p * d + c] * b[q * d + c];
                }
                out[k++] = scale * dot / d;
            }
        }
    }
}
