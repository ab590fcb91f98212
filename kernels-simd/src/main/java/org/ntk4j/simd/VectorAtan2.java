package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * atan2 on whole vectors from +, −, ×, ÷ and fma only, accurate to about 1 ulp.
 *
 * <p>Why not {@code lanewise(ATAN2)}: that runs the platform's vector math library once compiled
 * (Intel's SVML on x86) but {@code Math.atan2} lane by lane while interpreted, and the two differ
 * in the last bit. The duals would then depend on when the JIT got to them, and the kernel of an
 * input with itself, whose correlation must stay exactly 1, could see 1 − 1e-16 in one place and
 * 1 in another (θ ≈ √(2(1 − ρ)) turns that ulp into 1e-8). Basic arithmetic is correctly rounded in
 * every mode, so these results are the same bits interpreted, compiled, on any vector width and on
 * platforms without a vector math library (where ATAN2 is a slow per-lane loop).
 *
 * <p>Reduction: r = min(|y|, |x|)/max(|y|, |x|) ∈ [0, 1]; above tan(π/8), atan r = π/4 + atan s
 * with s = (r − 1)/(r + 1), so |s| ≤ tan(π/8) (one division either way); atan s = s + s³P(s²) with P of degree 11, a Chebyshev
 * interpolant of (atan √z/√z − 1)/z on [0, tan²(π/8)] (mpmath at 50 digits; 2e-19 relative in atan).
 * Then π/2 − a when |y| &gt; |x|, π − a when x &lt; 0, and y's sign. π/4, π/2 and π are added in two
 * parts (hi + lo) so that their rounding does not add to the error.
 */
final class VectorAtan2 {

    static final double[] P = {
            -0.33333333333333333, 0.19999999999999805, -0.14285714285659828, 0.11111111105155447,
            -0.090909087535008768, 0.076922963750321424, -0.066664248857382553, 0.058789289978347751,
            -0.052304542706502445, 0.045515932206265492, -0.034570561981427747, 0.016285756855221028};

    static final double TAN_PI_8 = 0.41421356237309503;
    static final double PI_4_HI = 0.7853981633974483;
    static final double PI_4_LO = 3.061616997868383e-17;
    static final double PI_2_HI = 1.5707963267948966;
    static final double PI_2_LO = 6.123233995736766e-17;
    static final double PI_HI = 3.141592653589793;
    static final double PI_LO = 1.2246467991473532e-16;

    private VectorAtan2() {
    }

    /** atan2(y, x) lane by lane; atan2(±0, +0) = 0 (the duals' zero-variance case). */
    static DoubleVector atan2(DoubleVector y, DoubleVector x) {
        DoubleVector ay = y.abs();
        DoubleVector ax = x.abs();
        VectorMask<Double> swap = ay.compare(VectorOperators.GT, ax);
        DoubleVector num = ay.min(ax);
        DoubleVector den = ay.max(ax);
        // r = num/den > tan(π/8) decided without dividing; then one division for either argument:
        // s = r, or s = (r − 1)/(r + 1) = (num − den)/(num + den).
        VectorMask<Double> reduce = num.compare(VectorOperators.GT, den.mul(TAN_PI_8));
        DoubleVector s = num.blend(num.sub(den), reduce)
                .div(den.blend(num.add(den), reduce))
                .blend(0.0, den.compare(VectorOperators.EQ, 0.0));
        DoubleVector z = s.mul(s);
        DoubleVector poly = DoubleVector.broadcast(Lanes.SPECIES, P[P.length - 1]);
        for (int k = P.length - 2; k >= 0; k--) {
            poly = poly.fma(z, DoubleVector.broadcast(Lanes.SPECIES, P[k]));
        }
        DoubleVector atanS = s.mul(z).fma(poly, s);
        // a = atan r ∈ [0, π/4]
        DoubleVector a = atanS.blend(atanS.add(PI_4_LO).add(PI_4_HI), reduce);
        // |y| > |x|: atan(|y|/|x|) = π/2 − atan(|x|/|y|)
        a = a.blend(a.neg().add(PI_2_LO).add(PI_2_HI), swap);
        // x < 0: the angle is measured from the negative axis
        a = a.blend(a.neg().add(PI_LO).add(PI_HI), x.compare(VectorOperators.LT, 0.0));
        return a.blend(a.neg(), y.compare(VectorOperators.LT, 0.0));
    }

    /**
     * {@link #atan2} for y, x ≥ 0 (an angle in [0, π/2]), without the sign steps that do nothing
     * there: the same bits, fewer blends.
     */
    static DoubleVector atan2NonNegative(DoubleVector y, DoubleVector x) {
        VectorMask<Double> swap = y.compare(VectorOperators.GT, x);
        DoubleVector num = y.min(x);
        DoubleVector den = y.max(x);
        VectorMask<Double> reduce = num.compare(VectorOperators.GT, den.mul(TAN_PI_8));
        DoubleVector s = num.blend(num.sub(den), reduce)
                .div(den.blend(num.add(den), reduce))
                .blend(0.0, den.compare(VectorOperators.EQ, 0.0));
        DoubleVector z = s.mul(s);
        DoubleVector poly = DoubleVector.broadcast(Lanes.SPECIES, P[P.length - 1]);
        for (int k = P.length - 2; k >= 0; k--) {
            poly = poly.fma(z, DoubleVector.broadcast(Lanes.SPECIES, P[k]));
        }
        DoubleVector atanS = s.mul(z).fma(poly, s);
        DoubleVector a = atanS.blend(atanS.add(PI_4_LO).add(PI_4_HI), reduce);
        return a.blend(a.neg().add(PI_2_LO).add(PI_2_HI), swap);
    }
}
