package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ntk4j.layers.core.Gaussian;

/** The separable window operators against the direct double sums over the source table. */
class PositionCovarianceTest {

    @ParameterizedTest
    @CsvSource({
            "5, 0, 3, 0, 1, 0, SAME",
            "5, 0, 3, 0, 1, 0, VALID",
            "5, 0, 3, 0, 1, 0, CIRCULAR",
            "7, 0, 4, 0, 2, 0, SAME",
            "7, 0, 3, 0, 3, 0, CIRCULAR",
            "4, 5, 3, 3, 1, 1, SAME",
            "4, 5, 3, 2, 1, 1, VALID",
            "5, 4, 3, 3, 2, 2, SAME",
            "5, 4, 3, 3, 2, 1, VALID",
            "4, 5, 3, 3, 1, 2, CIRCULAR",
            "6, 6, 2, 4, 2, 3, CIRCULAR",
            "6, 5, 1, 1, 1, 1, SAME"})
    void separableOperatorsMatchDirectSums(int h, int w, int fh, int fw, int sh, int sw, String padding) {
        boolean twoD = w > 0;
        int[] in = twoD ? new int[]{h, w} : new int[]{h};
        int[] filter = twoD ? new int[]{fh, fw} : new int[]{fh};
        int[] strides = twoD ? new int[]{sh, sw} : new int[]{sh};
        WindowGeometry g = WindowGeometry.of("layers[0]", "conv", "filter", in, filter, 3, strides, Padding.of(padding));
        int inP = g.inPositions();
        int outP = g.outPositions();
        int taps = g.taps();
        int[] src = g.sourceTable();
        double[] k = new double[inP * inP + 3];
        Gaussian.fill(k, 1.0, new SplittableRandom(h * 31L + w));
        int off = 3;

        PositionCovariance op = new PositionCovariance(g, org.ntk4j.api.ArrayOps.SCALAR);
        double[] full = new double[outP * outP + 2];
        op.convFull(k, off, full, 2);
        double[] pooled = new double[outP * outP + 1];
        op.poolFull(k, off, pooled, 1);
        for (int p = 0; p < outP; p++) {
            for (int q = 0; q < outP; q++) {
                double conv = 0;
                double pool = 0;
                for (int t = 0; t < taps; t++) {
                    int a = src[p * taps + t];
                    for (int u = 0; u < taps; u++) {
                        int b = src[q * taps + u];
                        if (a >= 0 && b >= 0) {
                            pool += k[off + a * inP + b];
                            if (t == u) {
                                conv += k[off + a * inP + b];
                            }
                        }
                    }
                }
                assertThat(full[2 + p * outP + q]).isCloseTo(conv, within(1e-12));
                assertThat(pooled[1 + p * outP + q]).isCloseTo(pool / (taps * taps), within(1e-12));
            }
            // The diagonal operator sees only same-position entries: feed it those.
            double d = 0;
            for (int t = 0; t < taps; t++) {
                int a = src[p * taps + t];
                if (a >= 0) {
                    d += k[off + a * inP + a];
                }
            }
            double[] kd = new double[inP];
            for (int i = 0; i < inP; i++) {
                kd[i] = k[off + i * inP + i];
            }
            double[] dd = new double[outP];
            op.convDiagonal(kd, 0, dd, 0);
            assertThat(dd[p]).isCloseTo(d, within(1e-12));
        }
    }
}
