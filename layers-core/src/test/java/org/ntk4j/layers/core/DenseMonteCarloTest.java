package org.ntk4j.layers.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ntk4j.layers.core.MonteCarloFixture.BAR;
import static org.ntk4j.layers.core.MonteCarloFixture.check;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ntk4j.engine.ConformanceKit;

/**
 * Dense in both parameterizations at Neural Tangents' setting (width 1024, 100 samples), and the
 * error-vs-width trend that justifies the smaller widths other Monte Carlo tests use for speed.
 */
class DenseMonteCarloTest {

    private static final String NTK_CHAIN = """
            {"layers": [{"type": "dense", "wStd": 1.3, "bStd": 0.2}, {"type": "dense", "wStd": 0.9, "bStd": 0.4}]}""";

    @Test
    void standardParameterizationAtWidth1024() {
        ConformanceKit.Report r = check("dense (standard)", """
                {"parameterization": "standard",
                 "layers": [{"type": "dense", "wStd": 1.3, "bStd": 0.2, "width": 1024},
                            {"type": "dense", "wStd": 0.9, "bStd": 0.4, "width": 1024}]}""",
                MonteCarloFixture.vectors(), 1024, 100);
        assertThat(r.nngpError()).isLessThanOrEqualTo(BAR);
        assertThat(r.ntkError()).isLessThanOrEqualTo(BAR);
    }

    @Test
    void ntkParameterizationAtWidth1024() {
        ConformanceKit.Report r = check("dense (ntk)", NTK_CHAIN, MonteCarloFixture.vectors(), 1024, 100);
        assertThat(r.nngpError()).isLessThanOrEqualTo(BAR);
        assertThat(r.ntkError()).isLessThanOrEqualTo(BAR);
    }

    /**
     * With the sample count fixed, the error of both kernels is dominated by the fluctuation of one
     * wide network's kernel, of order width^-1/2: from 32 to 512 it should fall about fourfold. One
     * run's error over a few inputs is a norm of a handful of strongly correlated Gaussians, so it
     * scatters by tens of percent; the mean over four seeds is stable enough to show the trend.
     */
    @Test
    void errorFallsLikeInverseSquareRootOfWidth() {
        int[] widths = {32, 128, 512};
        int seeds = 4;
        double[] nngp = new double[widths.length];
        double[] ntk = new double[widths.length];
        for (int k = 0; k < widths.length; k++) {
            for (int seed = 1; seed <= seeds; seed++) {
                ConformanceKit.Report r = ConformanceKit.check(MonteCarloFixture.parse(NTK_CHAIN),
                        MonteCarloFixture.vectors(), null, widths[k], 50, seed);
                nngp[k] += r.nngpError() / seeds;
                ntk[k] += r.ntkError() / seeds;
            }
            System.out.printf(Locale.ROOT, "MC dense (ntk) width %d, 50 samples, mean of %d seeds: NNGP %.4f  NTK %.4f%n",
                    widths[k], seeds, nngp[k], ntk[k]);
        }
        for (double[] e : new double[][]{nngp, ntk}) {
            assertThat(e[0]).isGreaterThan(e[1]);
            assertThat(e[1]).isGreaterThan(e[2]);
            // Least-squares slope of log error against log width: −1/2 expected.
            assertThat(slope(widths, e)).isBetween(-0.85, -0.35);
        }
    }

    private static double slope(int[] widths, double[] errors) {
        int n = widths.length;
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += Math.log(widths[k]) / n;
            my += Math.log(errors[k]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < n; k++) {
            double dx = Math.log(widths[k]) - mx;
            sxy += dx * (Math.log(errors[k]) - my);
            sxx += dx * dx;
        }
        double s = sxy / sxx;
        System.out.printf(Locale.ROOT, "log-log slope of error vs width: %.3f%n", s);
        return s;
    }
}
