package org.ntk4j.layers.attention;

import java.util.SplittableRandom;

/**
 * The covariance of the positional embeddings between two positions p and q of a grid:
 * {@code decay^dist(p, q)} with the L1 (Manhattan) distance over the spatial axes, {@code |p − q|}
 * for sequences. Per axis this is the covariance of a stationary AR(1) process, and over several
 * axes the product of those, so it is positive semi-definite for every decay in [0, 1] and can be
 * sampled in O(positions) by running the AR(1) recursion along each axis in turn.
 */
final class PositionalCovariance {

    private PositionalCovariance() {
    }

    /** The S×S matrix, row-major, for positions in row-major order over {@code spatial}. */
    static double[] matrix(int[] spatial, double decay) {
        int s = size(spatial);
        double[] m = new double[s * s];
        int[] cp = new int[spatial.length];
        int[] cq = new int[spatial.length];
        for (int p = 0; p < s; p++) {
            coordinates(p, spatial, cp);
            for (int q = 0; q < s; q++) {
                coordinates(q, spatial, cq);
                int dist = 0;
                for (int a = 0; a < spatial.length; a++) {
                    dist += Math.abs(cp[a] - cq[a]);
                }
                m[p * s + q] = Math.pow(decay, dist);
            }
        }
        return m;
    }

    /**
     * Fills {@code out[0..S)} with one draw of a zero-mean Gaussian field whose covariance is
     * {@link #matrix}: i.i.d. normals, then along each axis {@code y_0 = z_0},
     * {@code y_t = decay · y_{t−1} + √(1 − decay²) · z_t}.
     */
    static void sample(int[] spatial, double decay, SplittableRandom rng, double[] out) {
        int s = size(spatial);
        for (int p = 0; p < s; p++) {
            out[p] = rng.nextGaussian();
        }
        double innovation = Math.sqrt(Math.max(0, 1 - decay * decay));
        int stride = s;
        for (int len : spatial) {
            stride /= len;
            // Lines along this axis: every start whose coordinate on the axis is 0.
            for (int start = 0; start < s; start++) {
                if ((start / stride) % len != 0) {
                    continue;
                }
                for (int t = 1; t < len; t++) {
                    int k = start + t * stride;
                    out[k] = decay * out[k - stride] + innovation * out[k];
                }
            }
        }
    }

    private static int size(int[] spatial) {
        int s = 1;
        for (int v : spatial) {
            s *= v;
        }
        return s;
    }

    private static void coordinates(int p, int[] spatial, int[] out) {
        for (int a = spatial.length - 1; a >= 0; a--) {
            out[a] = p % spatial[a];
            p /= spatial[a];
        }
    }
}
