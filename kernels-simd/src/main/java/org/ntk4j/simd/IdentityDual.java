package org.ntk4j.simd;

import jdk.incubator.vector.VectorMask;
import org.ntk4j.api.DualActivation;

/** The dual of the identity, vectorised: cov = k12 with the correlation clamped to [−1, 1], dot = 1. */
final class IdentityDual implements DualActivation {

    private final WarmUp warmUp = new WarmUp();

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        Lanes.checkBatch(k11, k22, k12, n, cov, dot);
        if (dot != null) {
            java.util.Arrays.fill(dot, 0, n, 1.0);
        }
        if (warmUp.isHot()) {
            vectors(k11, k22, k12, cov, n);
            return;
        }
        int v = WarmUp.probe(n);
        long t0 = System.nanoTime();
        vectors(k11, k22, k12, cov, v);
        long t1 = System.nanoTime();
        for (int i = v; i < n; i++) {
            pair(k11, k22, k12, cov, i);
        }
        warmUp.record(t1 - t0, v, System.nanoTime() - t1, n - v);
    }

    /** Pairs [0, to) in vectors; the last partial vector in scalar twin arithmetic (the same bits). */
    static void vectors(double[] k11, double[] k22, double[] k12, double[] cov, int to) {
        int i = 0;
        for (int bound = Lanes.SPECIES.loopBound(to); i < bound; i += Lanes.LENGTH) {
            block(k11, k22, k12, cov, i, null);
        }
        // The last partial vector in scalar twin arithmetic: the same bits, and masked vector code
        // costs ~25 times a full vector on JDK 17 (its masks are not fully intrinsified).
        for (; i < to; i++) {
            pair(k11, k22, k12, cov, i);
        }
    }

    private static void block(double[] k11, double[] k22, double[] k12, double[] cov, int i, VectorMask<Double> m) {
        var v1 = PairGeometry.variance(Lanes.load(k11, i, m));
        var v2 = PairGeometry.variance(Lanes.load(k22, i, m));
        var cross = Lanes.load(k12, i, m);
        var det = PairGeometry.determinant(v1, v2, cross);
        Lanes.store(PairGeometry.clampedCross(cross, det, PairGeometry.scale(v1, v2)), cov, i, m);
    }

    /** {@link #block} for pair i alone, in {@link ScalarTwin} arithmetic: the same bits. */
    static void pair(double[] k11, double[] k22, double[] k12, double[] cov, int i) {
        double v1 = ScalarTwin.variance(k11[i]);
        double v2 = ScalarTwin.variance(k22[i]);
        double det = ScalarTwin.determinant(v1, v2, k12[i]);
        cov[i] = ScalarTwin.clampedCross(k12[i], det, ScalarTwin.scale(v1, v2));
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
