package org.ntk4j.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;

class MonteCarloDualTest {

    private static final int SAMPLES = 20_000;

    // rows of ScalarNumericCoreReferenceTest: {k11, k22, k12, cov, dot}
    private static final double[][] TANH = {
        {2, 2, 1, 0.236007334551368720842579031191, 0.247978748584072492471852461180},
        {10, 10, -9, -0.62776955850864665142382605299456, 0.10761565032563610578657889942478},
        {2, 10, 3.1, 0.38476982077402193494196397678896, 0.14246561199126678521718477185732},
    };

    private MonteCarloDual dual(String act, long seed) {
        return (MonteCarloDual) new ScalarNumericCore().monteCarlo(TestActivations.byName(act), SAMPLES, seed);
    }

    @Test
    void withinFiveStandardErrorsOfTheReference() {
        MonteCarloDual mc = dual("tanh", 7);
        for (double[] row : TANH) {
            double[] cov = new double[1];
            double[] dot = new double[1];
            double[] covErr = new double[1];
            double[] dotErr = new double[1];
            mc.computeWithErrors(new double[] {row[0]}, new double[] {row[1]}, new double[] {row[2]}, 1, cov, dot, covErr, dotErr);
            assertThat(covErr[0]).isPositive();
            assertThat(Math.abs(cov[0] - row[3])).isLessThan(5 * covErr[0]);
            assertThat(Math.abs(dot[0] - row[4])).isLessThan(5 * dotErr[0]);
        }
        // relu against its closed form, and the error estimate is of the expected size
        MonteCarloDual relu = dual("relu", 11);
        double[] cov = new double[1];
        double[] dot = new double[1];
        double[] covErr = new double[1];
        double[] dotErr = new double[1];
        relu.computeWithErrors(new double[] {1.5}, new double[] {3}, new double[] {-0.8}, 1, cov, dot, covErr, dotErr);
        double[] exact = ClosedFormAgreementTest.relu(1.5, 3, -0.8);
        assertThat(Math.abs(cov[0] - exact[0])).isLessThan(5 * covErr[0]);
        assertThat(Math.abs(dot[0] - exact[1])).isLessThan(5 * dotErr[0]);
        assertThat(dotErr[0]).isBetween(0.5 / Math.sqrt(SAMPLES) * 0.5, 0.5 / Math.sqrt(SAMPLES));
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        double[] k11 = {1, 2, 10};
        double[] k22 = {1, 3, 10};
        double[] k12 = {0.5, -1, 9.9};
        double[] a = new double[3];
        double[] b = new double[3];
        double[] c = new double[3];
        double[] da = new double[3];
        double[] db = new double[3];
        dual("tanh", 42).compute(k11, k22, k12, 3, a, da);
        dual("tanh", 42).compute(k11, k22, k12, 3, b, db);
        dual("tanh", 43).compute(k11, k22, k12, 3, c, null);
        assertThat(b).containsExactly(a);
        assertThat(db).containsExactly(da);
        assertThat(c[0]).isNotEqualTo(a[0]);
    }

    @Test
    void commonRandomNumbersMakeTheResultSmoothInTheCovariance() {
        // With the same normal pairs for every entry, a change of 1e-9 in k12 moves the estimate by
        // about 1e-9 · (d cov / d k12), not by a fresh sampling error of ~1/√samples.
        ActivationFunction tanh = TestActivations.byName("tanh");
        var mc = new ScalarNumericCore().monteCarlo(tanh, SAMPLES, 5);
        double[] cov = new double[2];
        mc.compute(new double[] {2, 2}, new double[] {2, 2}, new double[] {1, 1 + 1e-9}, 2, cov, null);
        assertThat(Math.abs(cov[1] - cov[0])).isLessThan(1e-8);
        assertThat(cov[1]).isNotEqualTo(cov[0]);
    }

    @Test
    void describesItself() {
        assertThat(dual("relu", 3).describe()).isEqualTo("montecarlo(20000 samples, seed 3)");
    }
}
