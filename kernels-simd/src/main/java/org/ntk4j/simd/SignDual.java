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

    private final WarmUp warmUp = new WarmUp();

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        Lanes.checkBatch(k11, k22, k12, n, cov, dot);
        if (dot != null) {
            Arrays.fill(dot, 0, n, 0.0);
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

    private static void block(double[] k11, double[] k22, double[] cross, double[] cov, int i, VectorMask<Double> m) {
        DoubleVector v1 = PairGeometry.variance(Lanes.load(k11, i, m));
        DoubleVector v2 = PairGeometry.variance(Lanes.load(k22, i, m));
        DoubleVector k12 = Lanes.load(cross, i, m);
        DoubleVector det = PairGeometry.determinant(v1, v2, k12);
        DoubleVector c = PairGeometry.clampedCross(k12, det, PairGeometry.scale(v1, v2));
        Lanes.store(VectorAtan2.atan2(c, PairGeometry.rootDeterminant(det)).mul(TWO_OVER_PI), cov, i, m);
    }

    /** {@link #block} for pair i alone, in {@link ScalarTwin} arithmetic: the same bits. */
    static void pair(double[] k11, double[] k22, double[] cross, double[] cov, int i) {
        double v1 = ScalarTwin.variance(k11[i]);
        double v2 = ScalarTwin.variance(k22[i]);
        double det = ScalarTwin.determinant(v1, v2, cross[i]);
        double c = ScalarTwin.clampedCross(cross[i], det, ScalarTwin.scale(v1, v2));
        cov[i] = ScalarTwin.atan2(c, ScalarTwin.rootDeterminant(det)) * TWO_OVER_PI;
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
