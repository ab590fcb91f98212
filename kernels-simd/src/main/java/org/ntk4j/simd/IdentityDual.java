package org.ntk4j.simd;

import jdk.incubator.vector.VectorMask;
import org.ntk4j.api.DualActivation;

/** The dual of the identity, vectorised: cov = k12 with the correlation clamped to [−1, 1], dot = 1. */
final class IdentityDual implements DualActivation {

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
            java.util.Arrays.fill(dot, 0, n, 1.0);
        }
    }

    private static void block(double[] k11, double[] k22, double[] k12, double[] cov, int i, VectorMask<Double> m) {
        var v1 = PairGeometry.variance(Lanes.load(k11, i, m));
        var v2 = PairGeometry.variance(Lanes.load(k22, i, m));
        var cross = Lanes.load(k12, i, m);
        var det = PairGeometry.determinant(v1, v2, cross);
        Lanes.store(PairGeometry.clampedCross(cross, det, PairGeometry.scale(v1, v2)), cov, i, m);
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
