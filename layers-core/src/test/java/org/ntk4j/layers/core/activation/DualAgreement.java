package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * Checks a closed-form dual against {@link PolarGaussianQuadrature} of φ(u)φ(v) and φ'(u)φ'(v)
 * on the grid variances {0.1, 1, 10}² × correlations {−1, −0.7, 0, 0.3, 0.999999, 1}, all in one
 * batched call. The tolerance is 1e-9 relative, with an absolute floor of 1e-14·E|φ(u)φ(v)| for
 * exact zeros (relu at ρ = −1, sin at ρ = 0), where "relative" has no meaning.
 */
final class DualAgreement {

    static final double[] VARIANCES = {0.1, 1.0, 10.0};
    static final double[] CORRELATIONS = {-1.0, -0.7, 0.0, 0.3, 0.999999, 1.0};
    static final double RELATIVE_TOLERANCE = 1e-9;
    static final double ABSOLUTE_FLOOR = 1e-14;
    /** Output slots past n must not be written. */
    private static final double UNTOUCHED = -12345.0;
    private static final int PADDING = 3;

    /** The worst errors seen: relative (where the reference is not ~0) and scaled by E|…|. */
    record Errors(double cov, double dot, double covScaled, double dotScaled) {
    }

    private DualAgreement() {
    }

    static Errors check(String label, ActivationFunction phi) {
        assertThat(phi.closedForm()).as(label + " has a closed form").isPresent();
        DualActivation dual = phi.closedForm().orElseThrow();
        List<double[]> cases = grid();
        int n = cases.size();
        double[] k11 = new double[n + PADDING];
        double[] k22 = new double[n + PADDING];
        double[] k12 = new double[n + PADDING];
        double[] cov = new double[n + PADDING];
        double[] dot = new double[n + PADDING];
        for (int i = 0; i < n; i++) {
            k11[i] = cases.get(i)[0];
            k22[i] = cases.get(i)[1];
            k12[i] = cases.get(i)[2];
        }
        Arrays.fill(cov, n, n + PADDING, UNTOUCHED);
        Arrays.fill(dot, n, n + PADDING, UNTOUCHED);
        dual.compute(k11, k22, k12, n, cov, dot);

        List<String> failures = new ArrayList<>();
        double[] worst = new double[4];
        for (int i = 0; i < n; i++) {
            String where = String.format(Locale.ROOT, "%s k11=%s k22=%s rho=%s", label, k11[i], k22[i],
                    cases.get(i)[3]);
            var covRef = PolarGaussianQuadrature.expectation(
                    (u, v) -> phi.value(u) * phi.value(v), k11[i], k22[i], k12[i]);
            var dotRef = PolarGaussianQuadrature.expectation(
                    (u, v) -> phi.derivative(u) * phi.derivative(v), k11[i], k22[i], k12[i]);
            compare(failures, where + " cov", cov[i], covRef, worst, 0);
            compare(failures, where + " dot", dot[i], dotRef, worst, 1);
        }
        for (int i = n; i < n + PADDING; i++) {
            if (cov[i] != UNTOUCHED || dot[i] != UNTOUCHED) {
                failures.add(label + " wrote past n at " + i);
            }
        }
        // one message listing every failing grid point (AssertJ's SoftAssertions take seconds to start)
        assertThat(failures).as(label).isEmpty();
        Errors errors = new Errors(worst[0], worst[1], worst[2], worst[3]);
        System.out.printf(Locale.ROOT, "%-22s max rel. error cov %.2e dot %.2e | max error/E|.| cov %.2e dot %.2e%n",
                label, errors.cov(), errors.dot(), errors.covScaled(), errors.dotScaled());
        return errors;
    }

    private static void compare(List<String> failures, String where, double closed,
                                PolarGaussianQuadrature.Expectation reference, double[] worst, int slot) {
        double error = Math.abs(closed - reference.value());
        double tolerance = RELATIVE_TOLERANCE * Math.abs(reference.value()) + ABSOLUTE_FLOOR * reference.magnitude();
        if (!(error <= tolerance)) {
            failures.add(String.format(Locale.ROOT, "%s: closed %s vs quadrature %s (error %.3e > %.3e)",
                    where, closed, reference.value(), error, tolerance));
        }
        if (reference.magnitude() > 0.0) {
            worst[slot + 2] = Math.max(worst[slot + 2], error / reference.magnitude());
            if (Math.abs(reference.value()) > 1e-6 * reference.magnitude()) {
                worst[slot] = Math.max(worst[slot], error / Math.abs(reference.value()));
            }
        }
    }

    /**
     * (k11, k22, k12, ρ) for every grid point. At ρ = ±1 with equal variances k12 = ±k11 exactly,
     * the x = x' input the engine produces.
     */
    static List<double[]> grid() {
        List<double[]> cases = new ArrayList<>();
        for (double v1 : VARIANCES) {
            for (double v2 : VARIANCES) {
                for (double rho : CORRELATIONS) {
                    double k12 = (v1 == v2 && Math.abs(rho) == 1.0) ? rho * v1 : rho * Math.sqrt(v1 * v2);
                    cases.add(new double[] {v1, v2, k12, rho});
                }
            }
        }
        return cases;
    }
}
