package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.finite.FiniteNetwork;

/**
 * Why the NTK rule has no query/key term: in finite twins, the tangent-kernel contribution of the
 * tied query/key matrix W, {@code Σ (∂f(x)/∂W)²}, falls like 1/n, while the value matrix's stays O(1)
 * (see the class comment of {@link Attention} for the derivation).
 */
class AttentionQueryKeyGradientTest {

    private static final int SEEDS = 10;

    /** Mean over seeds and inputs of {@code Σ (∂f/∂θ)²} for parameter arrays 0 (W) and 1 (W_V). */
    private static double[] contributions(Architecture a, Inputs x, int width) {
        double[] out = new double[2];
        Batch batch = FiniteNetwork.batchOf(x);
        for (int seed = 0; seed < SEEDS; seed++) {
            FiniteNetwork net = a.finite(x.shape1(), width, 100 + seed);
            List<List<double[]>> grads = net.evaluate(batch).gradients();
            for (List<double[]> g : grads) {
                for (int k = 0; k < 2; k++) {
                    for (double v : g.get(k)) {
                        out[k] += v * v / (SEEDS * grads.size());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void queryKeyGradientsVanishLikeOneOverWidth() {
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "attention", "qkStd": 1.5, "posEmb": "sum"}, {"type": "testMeanPool"},
                            {"type": "dense"}]}""");
        Inputs x = SequenceInputs.random(2, 4, 5, 31, null);
        double[] narrow = contributions(a, x, 64);
        double[] wide = contributions(a, x, 1024);
        System.out.printf("Σ(∂f/∂W)²: %.5f at n=64, %.6f at n=1024 (ratio %.1f); Σ(∂f/∂W_V)²: %.4f, %.4f%n",
                narrow[0], wide[0], narrow[0] / wide[0], narrow[1], wide[1]);
        // 16 times the width: 1/n predicts a ratio of 16. Measured with 30 seeds, n·Σ(∂f/∂W)² goes
        // 0.157, 0.126, 0.092, 0.074, 0.062 for n = 64 … 1024 (ratio 40): at least as fast as 1/n.
        assertThat(narrow[0] / wide[0]).isGreaterThan(12.0);
        assertThat(wide[1] / narrow[1]).isBetween(0.8, 1.25);
        assertThat(wide[0]).isLessThan(0.01 * wide[1]);
    }
}
