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
final class GeluDual implements DualActivation {

    private static final double TWO_PI = 2.0 * Math.PI;

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

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
