package org.ntk4j.layers.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.ConformanceKit;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;

class DenseConformanceTest {

    @Test
    void denseChainMatchesWideNetworks() {
        Architecture a = Ntk4j.create().parse("""
                {"layers": [{"type": "dense", "wStd": 1.3, "bStd": 0.2}, {"type": "dense", "wStd": 0.9, "bStd": 0.4}]}""");
        Inputs x = Inputs.of(new double[][]{{1, 0, 0}, {0.5, -1, 2}, {0.3, 0.3, 0.3}});
        long t0 = System.nanoTime();
        ConformanceKit.Report r = ConformanceKit.check(a, x, null, 512, 200, 7);
        System.out.println(r + " in " + (System.nanoTime() - t0) / 1e9 + " s");
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }
}
