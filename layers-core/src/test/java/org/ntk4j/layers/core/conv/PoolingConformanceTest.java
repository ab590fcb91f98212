package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.ConformanceKit;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;

/**
 * Networks that mix positions (FULL covariance) against wide finite networks (width 512). Measured:
 * the globalAvgPool network at 40 samples NNGP 0.018 / NTK 0.005, the avgPool network at 60 samples
 * 0.007 / 0.005; the sample counts below keep each well under 0.05 in a few seconds of CPU.
 */
class PoolingConformanceTest {

    private static ConformanceKit.Report check(String json, Inputs x, int samples) {
        long t0 = System.nanoTime();
        ConformanceKit.Report r = ConformanceKit.check(Ntk4j.create().parse(json), x, null, 512, samples, 4);
        System.out.println(json.replaceAll("\\s+", " ") + "\n  " + r + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        return r;
    }

    @Test
    void circularConvThenStridedValidConvThenGlobalAvgPool() {
        ConformanceKit.Report r = check("""
                {"layers": [{"type": "conv", "filter": [3, 3], "padding": "CIRCULAR", "wStd": 1.5, "bStd": 0.1},
                            {"type": "relu"},
                            {"type": "conv", "filter": [3, 3], "strides": [2, 2], "padding": "VALID", "wStd": 1.4},
                            {"type": "globalAvgPool"}, {"type": "dense", "wStd": 1.2}]}""",
                Images.random(5, 3, 5, 5, 2), 25);
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }

    @Test
    void avgPoolBetweenConvAndFlatten() {
        ConformanceKit.Report r = check("""
                {"layers": [{"type": "conv", "filter": [2, 3], "wStd": 1.5, "bStd": 0.2}, {"type": "relu"},
                            {"type": "avgPool", "window": [2, 2], "padding": "SAME"},
                            {"type": "flatten"}, {"type": "dense", "wStd": 1.3, "bStd": 0.1}]}""",
                Images.random(6, 3, 3, 4, 2), 60);
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }
}
