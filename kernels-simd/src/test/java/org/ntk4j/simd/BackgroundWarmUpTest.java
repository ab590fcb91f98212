package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The background warm-up makes a dual warm (every vector path hot) on a JVM with C2, hands probing
 * back to every thread when it ends, and changes no bit of any result: cold runs (one probe vector,
 * the rest through the batch path) and hot runs agree exactly.
 */
@Tag("vector")
class BackgroundWarmUpTest {

    @Test
    void warmsADualUpAndHandsProbingBack() {
        ArcCosineDual dual = new ArcCosineDual(0.0, 1.0);
        assertThat(dual.isWarm()).isFalse();
        long t0 = System.nanoTime();
        BackgroundWarmUp.run(dual);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // The surefire run without C2 excludes nothing tagged "vector", and there vector code may
        // never beat scalar code: the warm-up must give up at its time limit instead.
        if (!c2()) {
            assertThat(seconds).isLessThan(BackgroundWarmUp.LIMIT_NANOS / 1e9 + 1.0);
        } else {
            assertThat(dual.isWarm()).as("warm after %.2f s", seconds).isTrue();
        }
    }

    @Test
    void probingIsLeftToTheWarmUpThreadWhileItRunsAndHandedBackAfter() {
        java.util.List<Thread> probers = new java.util.ArrayList<>();
        int[] exercised = new int[1];
        WarmableDual stub = new WarmableDual() {
            @Override
            public boolean isHot() {
                return exercised[0] >= 32;
            }

            @Override
            public void probeOnlyIn(Thread thread) {
                probers.add(thread);
            }

            @Override
            public void vectors(double[] k11, double[] k22, double[] k12, double[] cov, double[] dot, int to) {
                exercised[0]++;
            }

            @Override
            public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
            }

            @Override
            public String describe() {
                return "stub";
            }
        };
        BackgroundWarmUp.run(stub);
        assertThat(stub.isWarm()).isTrue();
        assertThat(probers).containsExactly(Thread.currentThread(), null);
    }

    private static boolean c2() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void coldAndHotRunsGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 517;
        double[] k22 = new double[n];
        double[] row = new double[n];
        double[] ntk = new double[n];
        double k11 = 1.3;
        for (int i = 0; i < n; i++) {
            k22[i] = 0.5 + random.nextDouble();
            row[i] = (random.nextDouble() * 1.4 - 0.4) * Math.sqrt(k11 * k22[i]);
            ntk[i] = 1 + random.nextDouble();
        }
        ArcCosineDual cold = new ArcCosineDual(0.0, 1.0);
        double[] coldRow = row.clone();
        double[] coldNtk = ntk.clone();
        cold.applyRun(k11, k22, 0, coldRow, 0, n, coldNtk);
        assertThat(cold.runsAreHot()).isFalse();
        ArcCosineDual hot = new ArcCosineDual(0.0, 1.0);
        double[] hotRow = row.clone();
        double[] hotNtk = ntk.clone();
        hot.runs(k11, k22, 0, hotRow, 0, n, hotNtk);
        assertThat(coldRow).containsExactly(hotRow);
        assertThat(coldNtk).containsExactly(hotNtk);
    }
}
