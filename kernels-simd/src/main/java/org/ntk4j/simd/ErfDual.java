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
final class ErfDual implements WarmableDual {

    private static final double TWO_OVER_PI = 2.0 / Math.PI;
    private static final double FOUR_OVER_PI = 4.0 / Math.PI;

    private final WarmUp warmUp = new WarmUp();

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        Lanes.checkBatch(k11, k22, k12, n, cov, dot);
        if (warmUp.isHot()) {
            vectors(k11, k22, k12, cov, dot, n);
            return;
        }
        int v = warmUp.probeFor(n);
        long t0 = System.nanoTime();
        vectors(k11, k22, k12, cov, dot, v);
        long t1 = System.nanoTime();
        for (int i = v; i < n; i++) {
            pair(k11, k22, k12, cov, dot, i);
        }
        warmUp.record(t1 - t0, v, System.nanoTime() - t1, n - v);
    }

    /** True once the vector code has proven faster than the scalar twin (see {@link WarmUp}). */
    @Override
    public boolean isHot() {
        return warmUp.isHot();
    }

    /** Pairs [0, to) in vectors; the last partial vector in scalar twin arithmetic (the same bits). */
    @Override
    public void probeOnlyIn(Thread thread) {
        warmUp.probeOnlyIn(thread);
    }

    @Override
    public void vectors(double[] k11, double[] k22, double[] k12, double[] cov, double[] dot, int to) {
        int i = 0;
        for (int bound = Lanes.SPECIES.loopBound(to); i < bound; i += Lanes.LENGTH) {
            block(k11, k22, k12, cov, dot, i, null);
        }
        // The last partial vector in scalar twin arithmetic: the same bits, and masked vector code
        // costs ~25 times a full vector on JDK 17 (its masks are not fully intrinsified).
        for (; i < to; i++) {
            pair(k11, k22, k12, cov, dot, i);
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

    /** {@link #block} for pair i alone, in {@link ScalarTwin} arithmetic: the same bits. */
    static void pair(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot, int i) {
        double v1 = ScalarTwin.variance(k11[i]);
        double v2 = ScalarTwin.variance(k22[i]);
        double residual = ScalarTwin.determinant(v1, v2, cross[i]);
        double c = ScalarTwin.clampedCross(cross[i], residual, ScalarTwin.scale(v1, v2));
        double rootDet = Math.sqrt(Math.max(residual, 0.0) * 4.0 + ((v1 + v2) * 2.0 + 1.0));
        cov[i] = ScalarTwin.atan2(c * 2.0, rootDet) * TWO_OVER_PI;
        if (dot != null) {
            dot[i] = FOUR_OVER_PI / rootDet;
        }
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
