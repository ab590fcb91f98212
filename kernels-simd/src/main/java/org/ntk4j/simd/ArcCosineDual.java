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
final class ArcCosineDual implements WarmableDual {

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
    private final WarmUp runWarmUp = new WarmUp();

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

    /** True once the vector code of runs has proven faster than the batch path. */
    boolean runsAreHot() {
        return runWarmUp.isHot();
    }

    @Override
    public void probeOnlyIn(Thread thread) {
        warmUp.probeOnlyIn(thread);
        runWarmUp.probeOnlyIn(thread);
    }

    @Override
    public boolean isWarm() {
        return warmUp.isHot() && runWarmUp.isHot();
    }

    /** Pairs [0, to) in vectors; the last partial vector in scalar twin arithmetic (the same bits). */
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

    /** One vector of pairs at {@code i}; {@code m == null} stores every lane. */
    private void block(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot, int i,
                       VectorMask<Double> m) {
        general(k11, 0.0, k22, i, cross, cov, i, dot, false, m);
    }

    /**
     * Runs have their own warm-up: their vector code ({@link #runs}) is other methods than the
     * batches', which C2 may compile seconds later; until then one vector of each run goes through
     * it and the rest through the batch path (hot or cold itself), with the same bits.
     */
    @Override
    public void applyRun(double k11, double[] k22, int k22From, double[] cov, int from, int n, double[] ntk) {
        if (runWarmUp.isHot()) {
            runs(k11, k22, k22From, cov, from, n, ntk);
            return;
        }
        int v = runWarmUp.probeFor(n);
        long t0 = System.nanoTime();
        runs(k11, k22, k22From, cov, from, v, ntk);
        long t1 = System.nanoTime();
        WarmableDual.super.applyRun(k11, k22, k22From + v, cov, from + v, n - v, ntk);
        runWarmUp.record(t1 - t0, v, System.nanoTime() - t1, n - v);
    }

    /**
     * Batches, and runs with and without NTK on non-negative (relu's short path) and mixed rows,
     * each also with a masked tail: code compiled before it saw a path traps and is compiled again
     * when the kernels first take it, which costs more than exercising it here.
     */
    @Override
    public void exercise(double[] k11, double[] k22, double[] k12, double[] cov, double[] dot, int n) {
        vectors(k11, k22, k12, cov, dot, n);
        vectors(k11, k22, k12, cov, null, n - 3);
        for (int sign = 1; sign >= -1; sign -= 2) {
            for (int i = 0; i < n; i++) {
                cov[i] = (i % 2 == 0 ? 0.5 : 0.5 * sign) * Math.sqrt(k11[0] * k22[i]);
            }
            runs(k11[0], k22, 0, cov, 0, n, dot);
            runs(k11[0], k22, 0, cov, 0, n - 5, null);
        }
    }

    /** {@link #applyRun} in vectors, hot or not. */
    void runs(double k11, double[] k22, int k22From, double[] cov, int from, int n, double[] ntk) {
        Lanes.checkRun(k22, k22From, cov, from, n, ntk);
        int i = 0;
        for (int bound = Lanes.SPECIES.loopBound(n); i < bound; i += Lanes.LENGTH) {
            runBlock(k11, k22, k22From + i, cov, from + i, ntk, null);
        }
        // The last partial vector in scalar twin arithmetic: the same bits, and masked vector code
        // costs ~25 times a whole vector on JDK 17 (its masks are not fully intrinsified).
        for (; i < n; i++) {
            twin(k11, k22[k22From + i], cov[from + i], cov, from + i, ntk, from + i, true);
        }
    }

    /**
     * One vector of a run. Relu's entries with k12 ≥ 0 and a proper 2×2 covariance (all of them after
     * the first layer of an MLP, whose kernels are non-negative) take a short path: θ ≤ π/2 needs no
     * sign handling, and with a = 0 the g(θ) term is absent, so no series. It is {@link #general}'s
     * arithmetic with the dead branches removed: the same bits.
     */
    private void runBlock(double k11, double[] k22, int j, double[] cross, int i, double[] ntk, VectorMask<Double> m) {
        double v1Scalar = ScalarTwin.variance(k11);
        DoubleVector v1 = DoubleVector.broadcast(Lanes.SPECIES, v1Scalar);
        DoubleVector v2 = PairGeometry.variance(Lanes.load(k22, j, m));
        DoubleVector k12 = Lanes.load(cross, i, m);
        // The short path needs no √k11·√k22 (relu's cov is (√det + (π − θ)·k12)/2π); only its sign.
        if (oppositeSign == 0.0 && m == null && v1Scalar > 0.0) {
            DoubleVector det = PairGeometry.determinant(v1, v2, k12);
            VectorMask<Double> easy = k12.compare(VectorOperators.GE, 0.0)
                    .and(det.compare(VectorOperators.GE, 0.0))
                    .and(v2.compare(VectorOperators.GT, 0.0));
            if (easy.allTrue()) {
                DoubleVector root = det.sqrt();
                DoubleVector magnitude = k12.abs();
                DoubleVector large = VectorAtan2.atan2NonNegative(root, magnitude).neg().add(Math.PI);
                large.fma(magnitude, root).mul(sameSign).mul(INV_TWO_PI).intoArray(cross, i);
                if (ntk != null) {
                    DoubleVector.fromArray(Lanes.SPECIES, ntk, i).mul(large.mul(sameSign).mul(INV_TWO_PI))
                            .intoArray(ntk, i);
                }
                return;
            }
        }
        general(null, k11, k22, j, cross, cross, i, ntk, true, m);
    }

    /**
     * The dual for one vector of pairs: k11 from {@code k11s[i..]}, or {@code k11} in every lane when
     * {@code k11s} is null; k22 from {@code k22[j..]}, k12 from {@code cross[i..]}; cov into
     * {@code cov[i..]}; dot into {@code dot[i..]}, or, when {@code multiply}, multiplied into it (the
     * NTK of a run). Arrays in, arrays out: this method is too large for C2 to inline into its callers
     * along with the rest, and vectors passed to a call that is not inlined are boxed objects.
     */
    private void general(double[] k11s, double k11, double[] k22, int j, double[] cross, double[] cov, int i,
                         double[] dot, boolean multiply, VectorMask<Double> m) {
        DoubleVector v1 = PairGeometry.variance(k11s == null
                ? DoubleVector.broadcast(Lanes.SPECIES, k11) : Lanes.load(k11s, i, m));
        DoubleVector v2 = PairGeometry.variance(Lanes.load(k22, j, m));
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
        // scale·g(small), where scale·sin = root and scale·cos = magnitude: directly, or by the series
        // below SERIES_ANGLE. Written out here, not called: C2 stops inlining this method's callees
        // at its node budget, and vectors passed to a call that is not inlined are boxed objects.
        DoubleVector small2 = small.mul(small);
        DoubleVector acc = DoubleVector.broadcast(Lanes.SPECIES, G_SERIES[G_SERIES.length - 1]);
        for (int k = G_SERIES.length - 2; k >= 0; k--) {
            acc = acc.fma(small2, DoubleVector.broadcast(Lanes.SPECIES, G_SERIES[k]));
        }
        DoubleVector gSmall = root.sub(small.mul(magnitude))
                .blend(scale.mul(small2.mul(small)).mul(acc), small.compare(VectorOperators.LT, SERIES_ANGLE));
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
        // Loads and stores spelled out, not through Lanes: see the series above.
        if (m == null) {
            covariance.intoArray(cov, i);
        } else {
            covariance.intoArray(cov, i, m);
        }
        if (dot != null) {
            DoubleVector derivative = supplement.mul(sameSign).add(theta.mul(oppositeSign))
                    .mul(INV_TWO_PI)
                    .blend(atKink, degenerate);
            if (m == null) {
                (multiply ? DoubleVector.fromArray(Lanes.SPECIES, dot, i).mul(derivative) : derivative).intoArray(dot, i);
            } else {
                (multiply ? DoubleVector.fromArray(Lanes.SPECIES, dot, i, m).mul(derivative) : derivative)
                        .intoArray(dot, i, m);
            }
        }
    }

    /** {@link #block} for pair i alone, in {@link ScalarTwin} arithmetic: the same bits. */
    void pair(double[] k11, double[] k22, double[] cross, double[] cov, double[] dot, int i) {
        twin(k11[i], k22[i], cross[i], cov, i, dot, i, false);
    }

    /**
     * The scalar twin of one pair: cov into {@code cov[ci]}, the derivative into {@code dot[di]}
     * (null: none), or multiplied into it when {@code multiply} (a run's NTK).
     */
    private void twin(double k11, double k22, double k12, double[] cov, int ci, double[] dot, int di,
                      boolean multiply) {
        double v1 = ScalarTwin.variance(k11);
        double v2 = ScalarTwin.variance(k22);
        double scale = ScalarTwin.scale(v1, v2);
        double det = ScalarTwin.determinant(v1, v2, k12);
        double c = ScalarTwin.clampedCross(k12, det, scale);
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
        cov[ci] = degenerate ? 0.0 : (gSupplement * sameSign - gTheta * oppositeSign) * INV_TWO_PI;
        if (dot != null) {
            double derivative = degenerate ? atKink : (supplement * sameSign + theta * oppositeSign) * INV_TWO_PI;
            dot[di] = multiply ? dot[di] * derivative : derivative;
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
