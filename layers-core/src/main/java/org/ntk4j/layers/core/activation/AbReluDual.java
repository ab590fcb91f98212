package org.ntk4j.layers.core.activation;

import org.ntk4j.api.DualActivation;

/**
 * The arc-cosine dual (Cho &amp; Saul 2009) of {@code φ(x) = a·x⁻ + b·x⁺}, x⁻ = min(x, 0),
 * x⁺ = max(x, 0). With θ ∈ [0, π] the angle between u and v (cos θ = ρ) and
 * {@code g(ψ) = sin ψ − ψ cos ψ}:
 * <ul>
 *   <li>E[u⁺v⁺] = E[u⁻v⁻] = √(k11 k22) g(π − θ)/(2π) and E[u⁺v⁻] = −√(k11 k22) g(θ)/(2π), so
 *       {@code cov = √(k11 k22) [(a² + b²) g(π − θ) − 2ab g(θ)] / (2π)};</li>
 *   <li>P(u &gt; 0, v &gt; 0) = (π − θ)/(2π) and P(u &gt; 0, v &lt; 0) = θ/(2π), so
 *       {@code dot = [(a² + b²)(π − θ) + 2ab θ] / (2π)}.</li>
 * </ul>
 * Both angles come from atan2 of (√det, ±k12), never from acos, and g is summed as a series for
 * small arguments, where sin ψ − ψ cos ψ ≈ ψ³/3 would cancel: the result keeps its relative
 * accuracy at correlations near ±1 (e.g. relu at ρ → −1, where cov → 0 like (π − θ)³).
 * With a zero variance the unit sits at the kink for sure: cov = 0 and
 * dot = φ'(0)·E[φ'(v)] = ((a + b)/2)² (the θ = π/2 value), with the same φ'(0) = (a + b)/2 that
 * {@link AbRelu#derivative} gives the finite network.
 */
final class AbReluDual implements DualActivation {

    private static final double TWO_PI = 2.0 * Math.PI;
    /** Below this angle g is summed as a series (sin ψ − ψ cos ψ would lose ~log10(3/ψ²) digits). */
    private static final double SERIES_ANGLE = 0.5;

    private final double sameSign;
    private final double oppositeSign;

    AbReluDual(double a, double b) {
        this.sameSign = a * a + b * b;
        this.oppositeSign = 2.0 * a * b;
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        for (int i = 0; i < n; i++) {
            double v1 = BivariateCovariance.variance(k11[i]);
            double v2 = BivariateCovariance.variance(k22[i]);
            double scale = Math.sqrt(v1) * Math.sqrt(v2);
            if (scale == 0.0) {
                cov[i] = 0.0;
                if (dot != null) {
                    dot[i] = (sameSign + oppositeSign) * 0.25;
                }
                continue;
            }
            double det = BivariateCovariance.determinant(v1, v2, k12[i]);
            double c = BivariateCovariance.clampedCross(v1, v2, k12[i], det);
            double root = BivariateCovariance.rootDeterminant(det);
            double theta = Math.atan2(root, c);
            double supplement = Math.atan2(root, -c);
            cov[i] = (sameSign * scaledG(supplement, scale, root, -c)
                    - oppositeSign * scaledG(theta, scale, root, c)) / TWO_PI;
            if (dot != null) {
                dot[i] = (sameSign * supplement + oppositeSign * theta) / TWO_PI;
            }
        }
    }

    /**
     * {@code scale · g(ψ)} where {@code scale·sin ψ = sine} and {@code scale·cos ψ = cosine}
     * are already known.
     */
    private static double scaledG(double psi, double scale, double sine, double cosine) {
        if (psi >= SERIES_ANGLE) {
            return sine - psi * cosine;
        }
        // g(ψ) = Σ_{k≥1} (−1)^{k+1} 2k ψ^{2k+1}/(2k+1)!; terms shrink by ψ²/(2k(2k+3)) ≤ 1/40.
        double psi2 = psi * psi;
        double power = psi * psi2;
        double factorial = 6.0;
        double sum = 0.0;
        for (int k = 1; k <= 10; k++) {
            double term = 2.0 * k * power / factorial;
            sum += (k % 2 == 1) ? term : -term;
            power *= psi2;
            factorial *= (2.0 * k + 2.0) * (2.0 * k + 3.0);
        }
        return scale * sum;
    }

    @Override
    public String describe() {
        return "closed";
    }
}
