package org.ntk4j.engine.numeric;

import java.util.function.DoubleUnaryOperator;

/**
 * One-dimensional Gaussian expectations {@code E[g(u)]}, u ~ N(mean, variance), for functions
 * that are smooth except possibly at {@code u = 0} (every activation of the spec has its kink,
 * jump or sharpest feature there), to about 1e-10 relative accuracy.
 *
 * <p>The rule is the one of {@link GradedQuadratureDual}: composite Gauss–Legendre in
 * z = (u − mean)/σ, split where u = 0 and graded towards that point down to width 1/σ (the width
 * of a unit-scale feature of g seen in z). Use it for per-variance quantities such as
 * {@code E[φ(u)²]} or {@code E[φ'(u)]}. Thread-safe.
 */
public final class GaussianExpectation {

    private static final ThreadLocal<GradedGaussianRule> RULE = ThreadLocal.withInitial(GradedGaussianRule::new);

    private GaussianExpectation() {
    }

    /** {@code E[g(u)]}, u ~ N(0, variance); variance ≤ 0 gives g(0). */
    public static double of(DoubleUnaryOperator g, double variance) {
        return of(g, 0.0, variance);
    }

    /** {@code E[g(u)]}, u ~ N(mean, variance); variance ≤ 0 gives g(mean). */
    public static double of(DoubleUnaryOperator g, double mean, double variance) {
        if (!(variance > 0)) {
            return Double.isNaN(variance) ? Double.NaN : g.applyAsDouble(mean);
        }
        double sigma = Math.sqrt(variance);
        return integrate(RULE.get(), g, mean, sigma);
    }

    /** {@code E[g(mean + sigma·Z)]} with the given scratch rule; sigma > 0. */
    static double integrate(GradedGaussianRule rule, DoubleUnaryOperator g, double mean, double sigma) {
        rule.build(-mean / sigma, Double.NaN, 1.0 / sigma);
        double sum = 0;
        for (int i = 0; i < rule.size(); i++) {
            sum += rule.weight(i) * g.applyAsDouble(mean + sigma * rule.node(i));
        }
        return sum;
    }
}
