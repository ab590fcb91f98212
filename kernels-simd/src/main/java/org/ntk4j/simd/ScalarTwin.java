package org.ntk4j.simd;

/**
 * {@link PairGeometry} and {@link VectorAtan2} for one lane, operation for operation: the same
 * correctly rounded steps (+, −, ×, ÷, fma, √, min, max) in the same order, so a pair computed here
 * has the same bits as in a vector. The duals use it while their vector code is not yet compiled
 * (see {@link WarmUp}); {@code ScalarTwinTest} checks the bits.
 */
final class ScalarTwin {

    private ScalarTwin() {
    }

    static double variance(double k) {
        return Math.max(k, 0.0);
    }

    static double determinant(double v1, double v2, double k12) {
        double square = k12 * k12;
        double squareError = Math.fma(-k12, k12, square);
        return Math.fma(v1, v2, -square) + squareError;
    }

    static double scale(double v1, double v2) {
        return Math.sqrt(v1) * Math.sqrt(v2);
    }

    static double clampedCross(double k12, double det, double scale) {
        double c = det < 0.0 ? (k12 < 0.0 ? -scale : scale) : k12;
        return c + 0.0;
    }

    static double rootDeterminant(double det) {
        return Math.sqrt(Math.max(det, 0.0));
    }

    /** {@link VectorAtan2#atan2} for one lane. */
    static double atan2(double y, double x) {
        double ay = Math.abs(y);
        double ax = Math.abs(x);
        boolean swap = ay > ax;
        double num = Math.min(ay, ax);
        double den = Math.max(ay, ax);
        boolean reduce = num > den * VectorAtan2.TAN_PI_8;
        double s = den == 0.0 ? 0.0 : (reduce ? num - den : num) / (reduce ? num + den : den);
        double z = s * s;
        double[] p = VectorAtan2.P;
        double poly = p[p.length - 1];
        for (int k = p.length - 2; k >= 0; k--) {
            poly = Math.fma(poly, z, p[k]);
        }
        double atanS = Math.fma(s * z, poly, s);
        double a = reduce ? atanS + VectorAtan2.PI_4_LO + VectorAtan2.PI_4_HI : atanS;
        if (swap) {
            a = -a + VectorAtan2.PI_2_LO + VectorAtan2.PI_2_HI;
        }
        if (x < 0.0) {
            a = -a + VectorAtan2.PI_LO + VectorAtan2.PI_HI;
        }
        return y < 0.0 ? -a : a;
    }
}
