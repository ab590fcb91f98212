package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("vector")
class WarmUpTest {

    @Test
    void turnsHotAfterThreeCallsInARowWhereVectorsWereFasterPerPair() {
        // 12.5 ns per pair in vectors against 50 ns per pair in scalar code
        WarmUp w = new WarmUp();
        w.record(100, 8, 50_000, 1000);
        w.record(100, 8, 50_000, 1000);
        assertThat(w.isHot()).isFalse();
        w.record(100, 8, 50_000, 1000);
        assertThat(w.isHot()).isTrue();
        // and stays hot
        w.record(100_000, 8, 50_000, 1000);
        assertThat(w.isHot()).isTrue();
    }

    @Test
    void aSlowerCallRestartsTheStreak() {
        WarmUp w = new WarmUp();
        w.record(100, 8, 50_000, 1000);
        w.record(100, 8, 50_000, 1000);
        w.record(800, 8, 50_000, 1000);
        w.record(100, 8, 50_000, 1000);
        w.record(100, 8, 50_000, 1000);
        assertThat(w.isHot()).isFalse();
        w.record(100, 8, 50_000, 1000);
        assertThat(w.isHot()).isTrue();
    }

    @Test
    void callsTooSmallToTimeDoNotCount() {
        WarmUp w = new WarmUp();
        for (int i = 0; i < 10; i++) {
            w.record(1, 8, 50_000, 10);
            w.record(0, 0, 50_000, 1000);
        }
        assertThat(w.isHot()).isFalse();
    }

    @Test
    void whileABackgroundWarmUpRunsOnlyItsThreadProbes() throws InterruptedException {
        WarmUp w = new WarmUp();
        assertThat(w.probeFor(1001)).isEqualTo(Lanes.LENGTH);
        Thread other = new Thread(() -> { });
        w.probeOnlyIn(other);
        assertThat(w.probeFor(1001)).isZero();
        int[] seen = new int[1];
        Thread self = new Thread(() -> seen[0] = w.probeFor(1001));
        w.probeOnlyIn(self);
        self.start();
        self.join();
        assertThat(seen[0]).isEqualTo(Lanes.LENGTH);
        w.probeOnlyIn(null);
        assertThat(w.probeFor(1001)).isEqualTo(Lanes.LENGTH);
    }

    @Test
    void probesOneVectorWhenTheBatchHoldsOne() {
        assertThat(WarmUp.probe(1001)).isEqualTo(Lanes.LENGTH);
        assertThat(WarmUp.probe(Lanes.LENGTH - 1)).isZero();
    }
}
