package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import org.ntk4j.api.DualActivation;

/**
 * The dual of GELU {@code φ(x) = x Φ(x)}, vectorised; the same closed form as the scalar one in
 * layers-core (derived there by Stein's lemma and Gaussian tilting). With {@code P = (1 + k11)(1 + k22)},
 * {@code Δ = 1 + k11 + k22 + (k11 k22 − k12²)} and {@code α = atan2(k12, √Δ)}:
 * <pre>
 *   cov = k12/4 + k12 α/(2π) + (k11 k22 Δ + k12²) / (2π P √Δ)
 *   dot = 1/4 + α/(2π) + k12 (1/(1 + k11) + 1/(1 + k22)) / (2π √Δ) + k12 / (2π Δ^{3/2})
 * </pre>
 * Δ ≥ 1, so everything is finite for any variances (zero variance: cov = 0, dot = φ'(0)² = 1/4).
 */
final class GeluDual implements WarmableDual {

    private static final double TWO_PI = 2.0 * Math.PI;

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
        DoubleVector p1 = v1.add(1.0);
        DoubleVector p2 = v2.add(1.0);
        DoubleVector delta = v1.add(1.0).add(v2).add(residual.max(0.0));
        DoubleVector rootDelta = delta.sqrt();
        DoubleVector alpha = VectorAtan2.atan2(c, rootDelta);
        DoubleVector covariance = c.mul(0.25)
                .add(c.mul(alpha).div(TWO_PI))
                .add(v1.mul(v2).mul(delta).add(c.mul(c)).div(p1.mul(TWO_PI).mul(p2).mul(rootDelta)));
        Lanes.store(covariance, cov, i, m);
        if (dot != null) {
            DoubleVector derivative = alpha.div(TWO_PI).add(0.25)
                    .add(c.mul(inverse(p1).add(inverse(p2))).div(rootDelta.mul(TWO_PI)))
                    .add(c.div(delta.mul(TWO_PI).mul(rootDelta)));
            Lanes.store(derivative, dot, i, m);
        }
    }

    private static DoubleVector inverse(DoubleVector v) {
        return DoubleVector.broadcast(Lanes.SPECIES, 1.0).div(v);
    }

    /** {@link #block} for pair i alone, in {@link ScalarTwin} arithmetic: the same bits. */
    static void pair(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot, int i) {
        double v1 = ScalarTwin.variance(k11[i]);
        double v2 = ScalarTwin.variance(k22[i]);
        double residual = ScalarTwin.determinant(v1, v2, cross[i]);
        double c = ScalarTwin.clampedCross(cross[i], residual, ScalarTwin.scale(v1, v2));
        double p1 = v1 + 1.0;
        double p2 = v2 + 1.0;
        double delta = v1 + 1.0 + v2 + Math.max(residual, 0.0);
        double rootDelta = Math.sqrt(delta);
        double alpha = ScalarTwin.atan2(c, rootDelta);
        cov[i] = c * 0.25 + c * alpha / TWO_PI + (v1 * v2 * delta + c * c) / (p1 * TWO_PI * p2 * rootDelta);
        if (dot != null) {
            dot[i] = alpha / TWO_PI + 0.25
                    + c * (1.0 / p1 + 1.0 / p2) / (rootDelta * TWO_PI)
                    + c / (delta * TWO_PI * rootDelta);
        }
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
