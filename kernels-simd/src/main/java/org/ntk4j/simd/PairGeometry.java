package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The geometry of 2×2 covariances {@code [[k11, k12], [k12, k22]]}, lane by lane, shared by the
 * vectorised duals. Same rules as the scalar closed forms, so that both cores agree: variances
 * rounded below zero count as zero; the determinant is computed with Kahan's fma trick (exactly 0
 * when k12² = k11·k22, as at x = x'); the correlation is clamped by the determinant's sign, never
 * by comparing k12 with a rounded √k11·√k22.
 */
final class PairGeometry {

    private PairGeometry() {
    }

    /** max(k, 0): upstream rounding may leave −1e-18 where 0 is meant. */
    static DoubleVector variance(DoubleVector k) {
        return k.max(0.0);
    }

    /** k11·k22 − k12², accurate to about one rounding of the result even when it nearly cancels. */
    static DoubleVector determinant(DoubleVector v1, DoubleVector v2, DoubleVector k12) {
        DoubleVector square = k12.mul(k12);
        DoubleVector squareError = k12.neg().fma(k12, square);
        return v1.fma(v2, square.neg()).add(squareError);
    }

    /**
     * k12 with the correlation clamped to [−1, 1]: unchanged where {@code det ≥ 0}, else ±√(v1 v2)
     * with k12's sign. Adding +0.0 turns −0.0 into +0.0 so that atan2 of it cannot flip to π.
     */
    static DoubleVector clampedCross(DoubleVector k12, DoubleVector det, DoubleVector scale) {
        VectorMask<Double> inconsistent = det.compare(VectorOperators.LT, 0.0);
        DoubleVector bound = scale.blend(scale.neg(), k12.compare(VectorOperators.LT, 0.0));
        return k12.blend(bound, inconsistent).add(0.0);
    }

    /** √max(0, det). */
    static DoubleVector rootDeterminant(DoubleVector det) {
        return det.max(0.0).sqrt();
    }

    /** √v1·√v2 (the product of roots, as the scalar forms take it, not √(v1·v2)). */
    static DoubleVector scale(DoubleVector v1, DoubleVector v2) {
        return v1.sqrt().mul(v2.sqrt());
    }
}
