package org.ntk4j.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;

/**
 * The Hermite-series path of the automatic dual against the graded two-dimensional rule (itself
 * checked against 128-bit references in ScalarNumericCoreReferenceTest), on random covariances over
 * the series' whole range |ρ| ≤ 0.85 and variances 0.05–10; pairs beyond go to the graded rule.
 */
class HermiteSeriesDualTest {

    private static void agree(String name, double tolerance) {
        ActivationFunction f = TestActivations.byName(name);
        GradedQuadratureDual exact = new GradedQuadratureDual(f);
        HermiteSeriesDual series = new HermiteSeriesDual(f, exact);
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        int n = 300;
        double[] k11 = new double[n];
        double[] k22 = new double[n];
        double[] k12 = new double[n];
        double[] variances = {0.05, 0.5, 1, 2, 4.5, 10};
        for (int i = 0; i < n; i++) {
            k11[i] = variances[rng.nextInt(variances.length)];
            k22[i] = variances[rng.nextInt(variances.length)];
            double rho = (i % 10 == 0 ? 0.97 : 0.85) * (2 * rng.nextDouble() - 1);
            k12[i] = rho * Math.sqrt(k11[i] * k22[i]);
        }
        double[] c1 = new double[n];
        double[] d1 = new double[n];
        double[] c2 = new double[n];
        double[] d2 = new double[n];
        exact.compute(k11, k22, k12, n, c1, d1);
        series.compute(k11, k22, k12, n, c2, d2);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            // Relative to the entry's natural scale, so exact zeros (odd φ at ρ = 0) are judged fairly.
            double scaleC = Math.max(Math.abs(c1[i]), 1e-3 * Math.sqrt(Math.abs(self(exact, k11[i]) * self(exact, k22[i]))));
            worst = Math.max(worst, Math.abs(c2[i] - c1[i]) / scaleC);
            worst = Math.max(worst, Math.abs(d2[i] - d1[i]) / Math.max(Math.abs(d1[i]), 1e-12));
        }
        assertThat(worst).as(name + " worst relative difference").isLessThan(tolerance);
    }

    private static double self(GradedQuadratureDual d, double v) {
        double[] out = new double[1];
        d.compute(new double[]{v}, new double[]{v}, new double[]{v}, 1, out, null);
        return out[0];
    }

    @Test
    void tanh() {
        agree("tanh", 1e-9);
    }

    @Test
    void sigmoidSoftplusSilu() {
        agree("sigmoid", 1e-9);
        agree("softplus", 1e-9);
        agree("silu", 1e-9);
    }

    @Test
    void eluAndGelu() {
        agree("elu", 1e-9);
        agree("gelu", 1e-9);
    }

    @Test
    void kinkedActivationsForcedToQuadrature() {
        // The series of a kinked φ converges slowly near |ρ| = 1; up to 0.85 it is still far inside 1e-8.
        agree("relu", 1e-8);
        agree("erf", 1e-9);
    }
}
