package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("vector")
class VectorAtan2Test {

    /** Math.atan2 is within 2 ulp of the exact value (its spec), so allow 3 between the two. */
    private static final double MAX_ULPS = 3.0;

    private static double[] atan2(double[] y, double[] x) {
        int n = y.length;
        double[] out = new double[n];
        int i = 0;
        for (; i < n; i += Lanes.LENGTH) {
            var m = Lanes.tail(i, n);
            VectorAtan2.atan2(Lanes.load(y, i, m), Lanes.load(x, i, m)).intoArray(out, i, m);
        }
        return out;
    }

    @Test
    void agreesWithMathAtan2InEveryQuadrantAndAtEveryScale() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 200_000;
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 9));
            x[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 9));
        }
        double[] got = atan2(y, x);
        double worst = 0.0;
        for (int i = 0; i < n; i++) {
            double want = Math.atan2(y[i], x[i]);
            double ulps = Math.abs(got[i] - want) / Math.ulp(want);
            assertThat(ulps).as("atan2(%s, %s) = %s, Math %s", y[i], x[i], got[i], want).isLessThanOrEqualTo(MAX_ULPS);
            worst = Math.max(worst, ulps);
        }
        System.out.println("vector atan2: largest difference from Math.atan2 " + worst + " ulp over " + n + " points");
    }

    @Test
    void axesAndTheOrigin() {
        double[] y = {0.0, 1.0, -1.0, 0.0, 2.0, -3.0, 1e-300, 5.0, 0.0, 0.0};
        double[] x = {0.0, 0.0, 0.0, -1.0, 2.0, -3.0, 1.0, 1e-300, 7.0, 1e-320};
        double[] got = atan2(y, x);
        double[] want = {0.0, Math.PI / 2, -Math.PI / 2, Math.PI, Math.PI / 4, -3 * Math.PI / 4, 1e-300,
                Math.PI / 2, 0.0, 0.0};
        for (int i = 0; i < y.length; i++) {
            assertThat(got[i]).as("atan2(%s, %s)", y[i], x[i]).isCloseTo(want[i],
                    org.assertj.core.data.Offset.offset(Math.ulp(want[i])));
        }
    }

    @Test
    void aloneAndInAFullVectorGiveTheSameBits() {
        double[] y = new SplittableRandom(5).doubles(Lanes.LENGTH, -2, 2).toArray();
        double[] x = new SplittableRandom(6).doubles(Lanes.LENGTH, -2, 2).toArray();
        double[] full = new double[Lanes.LENGTH];
        VectorAtan2.atan2(DoubleVector.fromArray(Lanes.SPECIES, y, 0), DoubleVector.fromArray(Lanes.SPECIES, x, 0))
                .intoArray(full, 0);
        for (int i = 0; i < Lanes.LENGTH; i++) {
            assertThat(atan2(new double[] {y[i]}, new double[] {x[i]})[0]).isEqualTo(full[i]);
        }
    }
}
