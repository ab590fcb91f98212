package org.ntk4j.simd;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import org.ntk4j.api.DualActivation;

/**
 * The dual of sign (Sheppard's formula), vectorised: {@code cov = (2/π) atan2(k12, √det)} and
 * {@code dot = 0} (sign' vanishes almost everywhere, as in the finite network's backward pass).
 * With a zero variance atan2(0, 0) = 0 gives cov = 0, since sign(0) = 0.
 */
final class SignDual implements DualActivation {

    private static final double TWO_OVER_PI = 2.0 / Math.PI;

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        Lanes.checkBatch(k11, k22, k12, n, cov, dot);
        int i = 0;
        for (int bound = Lanes.SPECIES.loopBound(n); i < bound; i += Lanes.LENGTH) {
            block(k11, k22, k12, cov, i, null);
        }
        if (i < n) {
            block(k11, k22, k12, cov, i, Lanes.tail(i, n));
        }
        if (dot != null) {
            Arrays.fill(dot, 0, n, 0.0);
        }
    }

    private static void block(double[] k11, double[] k22, double[] cross, double[] cov, int i, VectorMask<Double> m) {
        DoubleVector v1 = PairGeometry.variance(Lanes.load(k11, i, m));
        DoubleVector v2 = PairGeometry.variance(Lanes.load(k22, i, m));
        DoubleVector k12 = Lanes.load(cross, i, m);
        DoubleVector det = PairGeometry.determinant(v1, v2, k12);
        DoubleVector c = PairGeometry.clampedCross(k12, det, PairGeometry.scale(v1, v2));
        Lanes.store(VectorAtan2.atan2(c, PairGeometry.rootDeterminant(det)).mul(TWO_OVER_PI), cov, i, m);
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
