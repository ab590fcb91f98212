package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.ntk4j.api.DualActivation;

/**
 * The arc-cosine dual of {@code φ(x) = a·x⁻ + b·x⁺} (relu, leakyRelu, abRelu, abs), vectorised.
 * With θ the angle between the two units (cos θ = ρ) and {@code g(ψ) = sin ψ − ψ cos ψ}:
 * {@code cov = √(k11 k22)·[(a² + b²) g(π − θ) − 2ab g(θ)]/(2π)} and
 * {@code dot = [(a² + b²)(π − θ) + 2ab θ]/(2π)} (Cho &amp; Saul 2009).
 *
 * <p>The angle in [0, π/2] comes from atan2(√det, |k12|), so it is exact at correlation ±1, and the
 * other one is π minus it; √k11k22·sin ψ and √k11k22·cos ψ are √det and ±k12, no sin or cos needed.
 * For the small angle below 0.5, g is summed as its series (sin ψ − ψ cos ψ ≈ ψ³/3 would cancel),
 * which keeps relu's cov relatively accurate as ρ → −1; for the large one sin ψ − ψ cos ψ adds two
 * non-negative terms. The scalar form in layers-core takes two atan2 instead; both agree to ~1e-15.
 * A zero variance puts the unit at the kink: θ = π/2, cov = 0, dot = ((a + b)/2)².
 */
final class ArcCosineDual implements DualActivation {

    private static final double INV_TWO_PI = 1.0 / (2.0 * Math.PI);
    private static final double SERIES_ANGLE = 0.5;
    /** g(ψ)/ψ³ = Σ_{k≥1} (−1)^{k+1} 2k ψ^{2k−2}/(2k+1)!: coefficients of ψ^{2(k−1)}, k = 1..10. */
    private static final double[] G_SERIES = new double[10];

    static {
        double factorial = 6.0;
        for (int k = 1; k <= G_SERIES.length; k++) {
            G_SERIES[k - 1] = (k % 2 == 1 ? 2.0 * k : -2.0 * k) / factorial;
            factorial *= (2.0 * k + 2.0) * (2.0 * k + 3.0);
        }
    }

    private final double sameSign;
    private final double oppositeSign;
    private final double atKink;

    ArcCosineDual(double a, double b) {
        this.sameSign = a * a + b * b;
        this.oppositeSign = 2.0 * a * b;
        this.atKink = (sameSign + oppositeSign) * 0.25;
    }

    private final WarmUp warmUp = new WarmUp();

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        Lanes.checkBatch(k11, k22, k12, n, cov, dot);
        if (warmUp.isHot()) {
            vectors(k11, k22, k12, cov, dot, n);
            return;
        }
        int v = WarmUp.probe(n);
        long t0 = System.nanoTime();
        vectors(k11, k22, k12, cov, dot, v);
        long t1 = System.nanoTime();
        for (int i = v; i < n; i++) {
            pair(k11, k22, k12, cov, dot, i);
        }
        warmUp.record(t1 - t0, v, System.nanoTime() - t1, n - v);
    }

    /** True once the vector code has proven faster than the scalar twin (see {@link WarmUp}). */
    boolean isHot() {
        return warmUp.isHot();
    }

    /** Pairs [0, to) in vectors, the last one masked. */
    void vectors(double[] k11, double[] k22, double[] k12, double[] cov, double[] dot, int to) {
        int i = 0;
        for (int bound = Lanes.SPECIES.loopBound(to); i < bound; i += Lanes.LENGTH) {
            block(k11, k22, k12, cov, dot, i, null);
        }
        if (i < to) {
            block(k11, k22, k12, cov, dot, i, Lanes.tail(i, to));
        }
    }

    /** One vector of pairs at {@code i}; {@code m == null} stores every lane. */
    private void block(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot, int i,
                       VectorMask<Double> m) {
        DoubleVector v1 = PairGeometry.variance(Lanes.load(k11, i, m));
        DoubleVector v2 = PairGeometry.variance(Lanes.load(k22, i, m));
        DoubleVector k12 = Lanes.load(cross, i, m);
        DoubleVector scale = PairGeometry.scale(v1, v2);
        DoubleVector det = PairGeometry.determinant(v1, v2, k12);
        DoubleVector c = PairGeometry.clampedCross(k12, det, scale);
        DoubleVector root = PairGeometry.rootDeterminant(det);
        // One atan2 for the angle in [0, π/2]; the other is π minus it, accurate since it is ≥ π/2.
        DoubleVector magnitude = c.abs();
        DoubleVector small = VectorAtan2.atan2(root, magnitude);
        DoubleVector large = small.neg().add(Math.PI);
        // g of the small angle may need the series; g(large) = sin − large·cos with cos ≤ 0 never cancels.
        DoubleVector gSmall = scaledG(small, scale, root, magnitude);
        DoubleVector gLarge = large.fma(magnitude, root);
        // ρ ≥ 0: θ is the small angle and π − θ the large one; ρ < 0: the other way round.
        VectorMask<Double> negative = c.compare(VectorOperators.LT, 0.0);
        DoubleVector theta = small.blend(large, negative);
        DoubleVector supplement = large.blend(small, negative);
        DoubleVector gTheta = gSmall.blend(gLarge, negative);
        DoubleVector gSupplement = gLarge.blend(gSmall, negative);
        VectorMask<Double> degenerate = scale.compare(VectorOperators.EQ, 0.0);
        DoubleVector covariance = gSupplement.mul(sameSign)
                .sub(gTheta.mul(oppositeSign))
                .mul(INV_TWO_PI)
                .blend(0.0, degenerate);
        Lanes.store(covariance, cov, i, m);
        if (dot != null) {
            DoubleVector derivative = supplement.mul(sameSign).add(theta.mul(oppositeSign))
                    .mul(INV_TWO_PI)
                    .blend(atKink, degenerate);
            Lanes.store(derivative, dot, i, m);
        }
    }

    /** scale·g(ψ), where scale·sin ψ = {@code sine} and scale·cos ψ = {@code cosine} are known. */
    private static DoubleVector scaledG(DoubleVector psi, DoubleVector scale, DoubleVector sine, DoubleVector cosine) {
        DoubleVector direct = sine.sub(psi.mul(cosine));
        DoubleVector psi2 = psi.mul(psi);
        DoubleVector acc = DoubleVector.broadcast(Lanes.SPECIES, G_SERIES[G_SERIES.length - 1]);
        for (int k = G_SERIES.length - 2; k >= 0; k--) {
            acc = acc.fma(psi2, DoubleVector.broadcast(Lanes.SPECIES, G_SERIES[k]));
        }
        DoubleVector series = scale.mul(psi2.mul(psi)).mul(acc);
        return direct.blend(series, psi.compare(VectorOperators.LT, SERIES_ANGLE));
    }

    /** {@link #block} for pair i alone, in {@link ScalarTwin} arithmetic: the same bits. */
    void pair(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot, int i) {
        double v1 = ScalarTwin.variance(k11[i]);
        double v2 = ScalarTwin.variance(k22[i]);
        double scale = ScalarTwin.scale(v1, v2);
        double det = ScalarTwin.determinant(v1, v2, cross[i]);
        double c = ScalarTwin.clampedCross(cross[i], det, scale);
        double root = ScalarTwin.rootDeterminant(det);
        double magnitude = Math.abs(c);
        double small = ScalarTwin.atan2(root, magnitude);
        double large = -small + Math.PI;
        double gSmall = scaledG(small, scale, root, magnitude);
        double gLarge = Math.fma(large, magnitude, root);
        boolean negative = c < 0.0;
        double theta = negative ? large : small;
        double supplement = negative ? small : large;
        double gTheta = negative ? gLarge : gSmall;
        double gSupplement = negative ? gSmall : gLarge;
        boolean degenerate = scale == 0.0;
        cov[i] = degenerate ? 0.0 : (gSupplement * sameSign - gTheta * oppositeSign) * INV_TWO_PI;
        if (dot != null) {
            dot[i] = degenerate ? atKink : (supplement * sameSign + theta * oppositeSign) * INV_TWO_PI;
        }
    }

    private static double scaledG(double psi, double scale, double sine, double cosine) {
        if (psi >= SERIES_ANGLE) {
            return sine - psi * cosine;
        }
        double psi2 = psi * psi;
        double acc = G_SERIES[G_SERIES.length - 1];
        for (int k = G_SERIES.length - 2; k >= 0; k--) {
            acc = Math.fma(acc, psi2, G_SERIES[k]);
        }
        return scale * (psi2 * psi) * acc;
    }

    @Override
    public String describe() {
        return "closed(simd)";
    }
}
