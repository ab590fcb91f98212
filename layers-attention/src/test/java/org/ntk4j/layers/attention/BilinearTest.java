package org.ntk4j.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BilinearTest {

    @Test
    void productsMatchTheTripleSumForEverySizeAndBothMatrices() {
        // Sizes below, at and above the four-term unrolling, and odd ones that leave remainders.
        for (int s : new int[]{1, 3, 4, 5, 8, 13, 32}) {
            for (boolean lower : new boolean[]{false, true}) {
                check(s, lower);
            }
        }
    }

    private static void check(int s, boolean lower) {
        SplittableRandom rng = new SplittableRandom(8 + s);
        double[] a = new double[s * s];
        double[] b = new double[s * s];
        for (int i = 0; i < s * s; i++) {
            // Causal weights are lower triangular, which the product exploits; others are dense.
            boolean kept = !lower || i % s <= i / s;
            a[i] = kept ? rng.nextGaussian() : 0.0;
            b[i] = kept ? rng.nextGaussian() : 0.0;
        }
        double[][] k = new double[2][3 + s * s];
        for (double[] m : k) {
            for (int i = 3; i < m.length; i++) {
                m[i] = rng.nextGaussian();
            }
        }
        Bilinear two = new Bilinear(s, 2);
        two.load(0, k[0], 3);
        two.load(1, k[1], 3);
        two.multiply(new Bilinear.Weights(a, s, lower), new Bilinear.Weights(b, s, lower));
        Bilinear one = new Bilinear(s, 1);
        one.load(0, k[1], 3);
        one.multiply(new Bilinear.Weights(a, s, lower), new Bilinear.Weights(b, s, lower));
        for (int w = 0; w < 2; w++) {
            for (int p = 0; p < s; p++) {
                for (int q = 0; q < s; q++) {
                    double sum = 0;
                    for (int r = 0; r < s; r++) {
                        for (int c = 0; c < s; c++) {
                            sum += a[p * s + r] * k[w][3 + r * s + c] * b[q * s + c];
                        }
                    }
                    assertThat(two.row(w, p)[q]).as("S=%d lower=%b matrix %d (%d,%d)", s, lower, w, p, q)
                            .isCloseTo(sum, within(1e-12 * s));
                }
            }
        }
        for (int p = 0; p < s; p++) {
            assertThat(one.row(0, p)).as("one matrix alone, row %d", p).containsExactly(two.row(1, p), within(0.0));
        }
    }
}
