package org.ntk4j.layers.core.activation;

/**
 * The geometry of a 2×2 covariance {@code [[k11, k12], [k12, k22]]} shared by the closed-form
 * duals: the determinant and the cross term clamped to the Cauchy–Schwarz range, computed so
 * that x = x' (k12² = k11·k22) and zero variances give exact, finite answers.
 *
 * <p>Usage: {@code det = determinant(...)} (signed), then {@code clampedCross(..., det)} and
 * {@code rootDeterminant(det)}. The clamp is decided by the sign of the accurate determinant,
 * not by comparing k12 with the rounded √k11·√k22: at x = x' the engine passes the same double
 * three times, and replacing k12 by a bound one ulp away would turn det = 0 into ~1e-16·k11 k22
 * and the angle θ = 0 into ~1e-8.
 */
final class BivariateCovariance {

    private BivariateCovariance() {
    }

    /** A variance made non-negative: rounding upstream may leave −1e-18 where 0 is meant. */
    static double variance(double k) {
        return k > 0.0 ? k : 0.0;
    }

    /**
     * k11·k22 − k12² by Kahan's two-product method (error of order one rounding of the result,
     * not of k11·k22): exactly 0 when k12² = k11·k22 exactly, accurate for correlations near ±1,
     * negative when the input is inconsistent (|ρ| &gt; 1 from upstream rounding).
     */
    static double determinant(double k11, double k22, double k12) {
        double square = k12 * k12;
        double squareError = Math.fma(-k12, k12, square);
        return Math.fma(k11, k22, -square) + squareError;
    }

    /** √max(0, det) = √(k11 k22)·sin θ for the angle θ between the two units. */
    static double rootDeterminant(double det) {
        return det > 0.0 ? Math.sqrt(det) : 0.0;
    }

    /**
     * k12 with the correlation clamped to [−1, 1]: unchanged when {@code det ≥ 0}, else ±√(k11 k22)
     * (there rootDeterminant is 0, so the pair is treated as exactly (anti)parallel). −0.0 becomes
     * +0.0 so that angles computed from it by atan2 do not flip to π.
     */
    static double clampedCross(double k11, double k22, double k12, double det) {
        if (det >= 0.0) {
            return k12 + 0.0;
        }
        return Math.copySign(Math.sqrt(k11) * Math.sqrt(k22), k12) + 0.0;
    }
}
