package org.ntk4j.layers.core;

import java.util.Locale;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.ConformanceKit;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;

/** Small inputs and a one-line Monte Carlo check shared by the conformance tests of this package. */
final class MonteCarloFixture {

    /** Neural Tangents' bar at width 1024 with 100 samples. */
    static final double BAR = 0.041;

    private static final Ntk4j NTK4J = Ntk4j.create();

    private MonteCarloFixture() {
    }

    static Architecture parse(String json) {
        return NTK4J.parse(json, "test");
    }

    /** Four vectors of dimension 3, of different norms and angles. */
    static Inputs vectors() {
        return Inputs.of(new double[][]{{1, 0, 0}, {0.5, -1, 2}, {0.3, 0.3, 0.3}, {-1.2, 0.4, 0.1}});
    }

    /** Four sequences of 3 steps with 2 channels. */
    static Inputs sequences() {
        return sequences(null);
    }

    /** The same sequences with presence masks ({@code null}: all present). */
    static Inputs sequences(boolean[][] mask) {
        double[] data = {
                1, 0, 0.5, -1, 0.2, 0.3,
                -0.4, 1.1, 0.9, 0.2, -0.7, 0.5,
                0.3, 0.3, -1, 0.6, 1.5, -0.2,
                0.8, -0.9, 0.1, 0.4, 0.6, 1.2};
        return new Inputs("sequences", new int[]{4, 3, 2}, data, mask);
    }

    /** Runs the kit on {@code json} and prints the errors with their settings and time. */
    static ConformanceKit.Report check(String label, String json, Inputs x, int width, int samples) {
        long t0 = System.nanoTime();
        ConformanceKit.Report r = ConformanceKit.check(parse(json), x, null, width, samples, 11);
        System.out.printf(Locale.ROOT, "MC %-28s NNGP %.4f  NTK %.4f  (width %d, %d samples, %.1f s)%n",
                label, r.nngpError(), r.ntkError(), width, samples, (System.nanoTime() - t0) / 1e9);
        return r;
    }
}
