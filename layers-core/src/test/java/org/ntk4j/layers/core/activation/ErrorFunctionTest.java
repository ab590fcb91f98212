package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** erf, erfc and Φ against mpmath (40 digits), across the switch between series and fraction. */
class ErrorFunctionTest {

    private static final double[][] ERF = {
        {1e-10, 1.1283791670955125739e-10}, {0.3, 0.32862675945912742764}, {0.5, 0.52049987781304653768},
        {1.0, 0.84270079294971486934}, {1.4999, 0.96609325166229526931}, {1.5, 0.96610514647531072707},
        {1.9999, 0.99532019790702939146}, {2.0, 0.99532226501895273416}, {3.7, 0.99999983284894209085},
        {5.9, 0.9999999999999999281},
    };
    private static final double[][] ERFC = {
        {-3.0, 1.9999779095030014146}, {-0.4, 1.4283923550466684551}, {0.2, 0.77729741078952154586},
        {0.9, 0.20309178757716787148}, {1.4999, 0.033906748337704730688}, {1.5, 0.033894853524689272933},
        {2.5, 0.00040695201744495893956}, {6.0, 2.1519736712498913117e-17}, {10.0, 2.088487583762544757e-45},
        {26.0, 5.6631924088561428465e-296},
    };
    private static final double[][] NORMAL_CDF = {
        {-37.0, 5.7255712225245768227e-300}, {-30.0, 4.9067139271481870595e-198},
        {-8.0, 6.2209605742717841235e-16}, {-1.2, 0.11506967022170826802}, {0.0, 0.5},
        {0.7, 0.75803634777692698525}, {5.0, 0.99999971334842812081},
    };

    @Test
    void erfIsAccurateAndOdd() {
        for (double[] row : ERF) {
            assertThat(ErrorFunction.erf(row[0])).as("erf(%s)", row[0]).isCloseTo(row[1], within(1.5e-15 * row[1]));
            assertThat(ErrorFunction.erf(-row[0])).isEqualTo(-ErrorFunction.erf(row[0]));
        }
        assertThat(ErrorFunction.erf(0.0)).isEqualTo(0.0);
        assertThat(ErrorFunction.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(ErrorFunction.erf(Double.NaN)).isNaN();
    }

    /** On [0.5, 1.5) erfc = 1 − erf, which costs up to log2(1/erfc(1.5)) ≈ 5 bits. */
    @Test
    void erfcIsRelativelyAccurateInTheTail() {
        for (double[] row : ERFC) {
            double relative = row[0] >= 0.5 && row[0] < 1.5 ? 2e-14 : 5e-15;
            assertThat(ErrorFunction.erfc(row[0])).as("erfc(%s)", row[0]).isCloseTo(row[1], within(relative * row[1]));
        }
        assertThat(ErrorFunction.erfc(30.0)).isEqualTo(0.0);
        assertThat(ErrorFunction.erfc(-30.0)).isEqualTo(2.0);
        assertThat(ErrorFunction.erfc(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    }

    /** Φ(x) = erfc(−x/√2)/2; the rounding of x/√2 costs ~x²·1e-16 relative in the far tail. */
    @Test
    void normalCdfIsRelativelyAccurateInTheLowerTail() {
        for (double[] row : NORMAL_CDF) {
            double tolerance = (2e-14 + row[0] * row[0] * 2e-16) * row[1];
            assertThat(ErrorFunction.normalCdf(row[0])).as("Phi(%s)", row[0]).isCloseTo(row[1], within(tolerance));
        }
    }
}
