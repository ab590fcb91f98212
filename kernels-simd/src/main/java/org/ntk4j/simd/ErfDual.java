package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import org.ntk4j.api.DualActivation;

/**
 * The dual of erf (Williams 1997), vectorised. With {@code det = (1 + 2k11)(1 + 2k22) − 4k12²
 * = 1 + 2(k11 + k22) + 4(k11 k22 − k12²)}: {@code cov = (2/π) atan2(2k12, √det)} (the asin form
 * without asin's trouble at ±1) and {@code dot = (4/π)/√det}. det ≥ 1, so both are finite for any
 * variances, including zero.
 */
final class ErfDual implements DualActivation {

    private static final double TWO_OVER_PI = 2.0 / Math.PI;
    private static final double FOUR_OVER_PI = 4.0 / Math.PI;

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

    private static void block(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot,
                              int i, VectorMask<Double> m) {
        DoubleVector v1 = PairGeometry.variance(Lanes.load(k11, i, m));
        DoubleVector v2 = PairGeometry.variance(Lanes.load(k22, i, m));
        DoubleVector k12 = Lanes.load(cross, i, m);
        DoubleVector residual = PairGeometry.determinant(v1, v2, k12);
        DoubleVector c = PairGeometry.clampedCross(k12, residual, PairGeometry.scale(v1, v2));
        DoubleVector rootDet = residual.max(0.0).mul(4.0).add(v1.add(v2).mul(2.0).add(1.0)).sqrt();
        Lanes.store(VectorAtan2.atan2(c.mul(2.0), rootDet).mul(TWO_OVER_PI), cov, i, m);
        if (dot != null) {
            Lanes.store(DoubleVector.broadcast(Lanes.SPECIES, FOUR_OVER_PI).div(rootDet), dot, i, m);
        }
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
