package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.ntk4j.api.DualActivation;

/**
 * The duals of sin and cos, vectorised: {@code E[sin u sin v] = e^{−(k11+k22)/2} sinh k12} and
 * {@code E[cos u cos v] = e^{−(k11+k22)/2} cosh k12}; sin' = cos and cos' = −sin swap the two for
 * the dot. As in the scalar form, both are {@code ½ e^{−(k11+k22−2|k12|)/2} (1 ± e^{−2|k12|})}
 * with expm1 for the difference: no overflow of cosh at large k12, no cancellation at small k12.
 */
final class TrigonometricDual implements DualActivation {

    private final boolean sine;

    TrigonometricDual(boolean sine) {
        this.sine = sine;
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        Lanes.checkBatch(k11, k22, k12, n, cov, dot);
        int i = 0;
        for (int bound = Lanes.SPECIES.loopBound(n); i < bound; i += Lanes.LENGTH) {
            block(k11, k22, k12, cov, dot, i, null);
        }
        if (i < n) {
            block(k11, k22, k12, cov, dot, i, Lanes.tail(i, n));
        }
    }

    private void block(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot, int i,
                       VectorMask<Double> m) {
        DoubleVector v1 = PairGeometry.variance(Lanes.load(k11, i, m));
        DoubleVector v2 = PairGeometry.variance(Lanes.load(k22, i, m));
        DoubleVector k12 = Lanes.load(cross, i, m);
        DoubleVector det = PairGeometry.determinant(v1, v2, k12);
        DoubleVector c = PairGeometry.clampedCross(k12, det, PairGeometry.scale(v1, v2));
        DoubleVector magnitude = c.abs();
        DoubleVector half = v1.add(v2).sub(magnitude.mul(2.0)).max(0.0).mul(-0.5)
                .lanewise(VectorOperators.EXP).mul(0.5);
        DoubleVector twice = magnitude.mul(-2.0);
        DoubleVector hyperbolicCosine = half.mul(twice.lanewise(VectorOperators.EXP).add(1.0));
        DoubleVector unsignedSine = half.neg().mul(twice.lanewise(VectorOperators.EXPM1));
        DoubleVector hyperbolicSine = unsignedSine.blend(unsignedSine.neg(), c.compare(VectorOperators.LT, 0.0));
        Lanes.store(sine ? hyperbolicSine : hyperbolicCosine, cov, i, m);
        if (dot != null) {
            Lanes.store(sine ? hyperbolicCosine : hyperbolicSine, dot, i, m);
        }
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
