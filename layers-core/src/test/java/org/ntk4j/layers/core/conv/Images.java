package org.ntk4j.layers.core.conv;

import org.ntk4j.engine.compute.Inputs;

/** Small random images and sequences for Monte Carlo tests. */
final class Images {

    private Images() {
    }

    /** N × spatial... × channels standard normal values. */
    static Inputs random(long seed, int n, int... spatialAndChannels) {
        int[] shape = new int[spatialAndChannels.length + 1];
        shape[0] = n;
        System.arraycopy(spatialAndChannels, 0, shape, 1, spatialAndChannels.length);
        int per = 1;
        for (int s : spatialAndChannels) {
            per *= s;
        }
        double[][] rows = BatchNormKernelTest.randomRows(n, per, seed);
        double[] flat = new double[n * per];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * per, per);
        }
        return new Inputs("images", shape, flat, null);
    }
}
