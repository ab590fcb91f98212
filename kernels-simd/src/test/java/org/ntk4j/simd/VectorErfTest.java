package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("vector")
class VectorErfTest {

    /** Ulps of the reference, the largest error allowed at any point. */
    private static final double MAX_ULPS = 2.0;

    @Test
    void agreesWithMpmathToWithinTwoUlpsAcrossTheRealLine() {
        int n = ErfReference.X.length;
        double[] out = new double[n];
        SimdErf.erf(ErfReference.X, n, out);
        double worst = 0.0;
        for (int i = 0; i < n; i++) {
            double expected = ErfReference.ERF[i];
            double ulps = Math.abs(out[i] - expected) / Math.ulp(expected);
            assertThat(ulps).as("erf(%s) = %s, mpmath %s", ErfReference.X[i], out[i], expected)
                    .isLessThanOrEqualTo(MAX_ULPS);
            worst = Math.max(worst, ulps);
        }
        System.out.println("vector erf: largest error against mpmath " + worst + " ulp over " + n + " points");
    }

    @Test
    void isOddAndMonotoneOnADenseGrid() {
        int n = 20001;
        double[] x = new double[n];
        double[] minus = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -7.0 + 14.0 * i / (n - 1);
            minus[i] = -x[i];
        }
        double[] y = new double[n];
        double[] yMinus = new double[n];
        SimdErf.erf(x, n, y);
        SimdErf.erf(minus, n, yMinus);
        for (int i = 0; i < n; i++) {
            assertThat(yMinus[i]).as("erf(-x) at x = %s", x[i]).isEqualTo(-y[i]);
            if (i > 0) {
                assertThat(y[i]).as("monotone at x = %s", x[i]).isGreaterThanOrEqualTo(y[i - 1]);
            }
        }
    }

    @Test
    void specialValues() {
        assertThat(SimdErf.erf(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(SimdErf.erf(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(SimdErf.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(SimdErf.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(SimdErf.erf(Double.NaN)).isNaN();
        // 1.128·4.9e-324 rounds to the smallest subnormal itself.
        assertThat(SimdErf.erf(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(SimdErf.erf(1e-200)).isEqualTo(1.1283791670955126e-200);
        assertThat(SimdErf.erf(40.0)).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 3, 7, 1001})
    void batchesOfAnySizeMatchLoneValuesAndStopAtN(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] x = random.doubles(n + 5, -4.0, 4.0).toArray();
        double[] out = new double[n + 5];
        java.util.Arrays.fill(out, 9.0);
        SimdErf.erf(x, n, out);
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(SimdErf.erf(x[i]));
        }
        for (int i = n; i < n + 5; i++) {
            assertThat(out[i]).isEqualTo(9.0);
        }
    }

    @Test
    void refusesABatchLargerThanItsArrays() {
        assertThatThrownBy(() -> SimdErf.erf(new double[3], 4, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 values");
    }
}
