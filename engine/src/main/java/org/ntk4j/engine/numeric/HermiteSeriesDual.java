package org.ntk4j.engine.numeric;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;
import org.ntk4j.engine.linalg.LinearAlgebras;

/**
 * The automatic dual, made fast through the Hermite (Mehler) expansion. With h_k the normalised
 * Hermite polynomials and, for a standard deviation s, the coefficients
 * {@code a_k(s) = E[φ(s z) h_k(z)]} and {@code b_k(s) = E[φ'(s z) h_k(z)]} (z ~ N(0, 1)),
 * <pre>
 *   E[φ(u) φ(v)]   = Σ_k a_k(s1) a_k(s2) ρ^k,      E[φ'(u) φ'(v)] = Σ_k b_k(s1) b_k(s2) ρ^k.
 * </pre>
 * The coefficients are one-dimensional integrals computed once per distinct variance (variances
 * repeat: every pair of a row shares its input's), so a pair costs a polynomial in ρ truncated where
 * {@code |ρ|^K} falls below 1e-14 of the scale: a few dozen terms for typical correlations, instead
 * of thousands of φ evaluations. By Parseval {@code Σ a_k² = E[φ²]}, so the tail beyond K is at
 * most {@code |ρ|^K · sqrt(E[φ(u)²] E[φ(v)²])}.
 *
 * <p>Near |ρ| = 1 the series converges slowly (for kinks and for steep activations its terms decay
 * only algebraically), so pairs with |ρ| &gt; {@value #RHO_MAX}, zero variances and exact collinearity
 * go to the graded two-dimensional rule ({@link GradedQuadratureDual}), which is exact there. Why not
 * only that rule: it needs 5 000–10 000 evaluations of φ per entry; this path needs none per pair.
 * Measured agreement between the two paths is in {@code HermiteSeriesDualTest}.
 */
final class HermiteSeriesDual implements DualActivation {

    static final double RHO_MAX = 0.85;
    /** Enough terms that RHO_MAX^K_MAX < 1e-14. */
    static final int K_MAX = 200;
    private static final double TAIL = 1e-14;
    private static final int CACHE_LIMIT = 50_000;
    /** Integration range in z: the integrand carries e^{-z²/4} beyond the Hermite functions' turning point. */
    private static final double HALF_RANGE = 13.0;
    private static final int NODES_PER_PANEL = 14;
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private final ActivationFunction f;
    private final GradedQuadratureDual exact;
    /** Coefficients of φ and of φ' by variance; φ' only when an NTK is asked for. */
    private final Map<Double, double[]> valueCache = new ConcurrentHashMap<>();
    private final Map<Double, double[]> derivativeCache = new ConcurrentHashMap<>();

    HermiteSeriesDual(ActivationFunction f, GradedQuadratureDual exact) {
        this.f = f;
        this.exact = exact;
    }

    @Override
    public String describe() {
        return "quadrature(auto)";
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        prepare(k11, k22, n, dot != null);
        int[] slow = new int[n];
        int slowCount = 0;
        for (int i = 0; i < n; i++) {
            double v1 = k11[i];
            double v2 = k22[i];
            double s = Math.sqrt(v1 * v2);
            double rho = s > 0 ? k12[i] / s : 0;
            if (!(s > 0) || !(Math.abs(rho) <= RHO_MAX)) {
                slow[slowCount++] = i;
                continue;
            }
            int terms = terms(rho);
            cov[i] = series(coefficients(v1, false), coefficients(v2, false), rho, terms);
            if (dot != null) {
                dot[i] = series(coefficients(v1, true), coefficients(v2, true), rho, terms);
            }
        }
        if (slowCount > 0) {
            double[] a = new double[slowCount];
            double[] b = new double[slowCount];
            double[] c = new double[slowCount];
            for (int k = 0; k < slowCount; k++) {
                a[k] = k11[slow[k]];
                b[k] = k22[slow[k]];
                c[k] = k12[slow[k]];
            }
            double[] outCov = new double[slowCount];
            double[] outDot = dot == null ? null : new double[slowCount];
            exact.compute(a, b, c, slowCount, outCov, outDot);
            for (int k = 0; k < slowCount; k++) {
                cov[slow[k]] = outCov[k];
                if (dot != null) {
                    dot[slow[k]] = outDot[k];
                }
            }
        }
    }

    /** Terms needed so that |ρ|^K < TAIL. */
    private static int terms(double rho) {
        double r = Math.abs(rho);
        if (r < 1e-300) {
            return 1;
        }
        return (int) Math.min(K_MAX, Math.ceil(Math.log(TAIL) / Math.log(r)) + 1);
    }

    /** Σ_{k < terms} a_k b_k ρ^k by Horner. */
    private static double series(double[] a, double[] b, double rho, int terms) {
        double acc = 0;
        for (int k = terms - 1; k >= 0; k--) {
            acc = acc * rho + a[k] * b[k];
        }
        return acc;
    }

    private double[] coefficients(double variance, boolean derivative) {
        Map<Double, double[]> cache = derivative ? derivativeCache : valueCache;
        double[] c = cache.get(variance);
        if (c == null) {
            c = compute(new double[] {variance}, 1, derivative)[0];
            store(cache, variance, c);
        }
        return c;
    }

    private static void store(Map<Double, double[]> cache, double variance, double[] c) {
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(variance, c);
    }

    /**
     * Computes the coefficients of every variance of the batch not yet cached, all at once: a batch
     * brings a whole row's worth of new variances (every input of x2 on the first row of a tile),
     * and computing them together turns the sums into one matrix product.
     */
    private void prepare(double[] k11, double[] k22, int n, boolean withDerivative) {
        double[] missing = new double[2 * n];
        int count = 0;
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (double[] k : new double[][] {k11, k22}) {
            for (int i = 0; i < n; i++) {
                double v = k[i];
                if (v > 0 && !valueCache.containsKey(v) && seen.add(v)) {
                    missing[count++] = v;
                }
            }
        }
        if (count < 2) {
            return;
        }
        double[][] values = compute(missing, count, false);
        double[][] derivatives = withDerivative ? compute(missing, count, true) : null;
        for (int m = 0; m < count; m++) {
            if (derivatives != null) {
                store(derivativeCache, missing[m], derivatives[m]);
            }
            store(valueCache, missing[m], values[m]);
        }
    }

    /** Values of φ per matrix product at most (8 MB), so that very wide tables go in smaller groups. */
    private static final int PRODUCT_VALUES = 1 << 20;
    /** Row multiple of every product: a multiple of the row unrolling of BLAS dgemm kernels (≤ 16). */
    private static final int ROWS = 16;

    /**
     * The coefficients of the first {@code count} variances: {@code a_k = Σ_j W_j φ(s z_j) h_k(z_j)}
     * over the nodes of a {@link NodeTable} fine enough for φ(s z). For the variances that share a
     * table this is one matrix product, (variances × nodes)·(nodes × K), done by the native BLAS:
     * 50–100× faster than the same sums as Java loops, which made coefficients most of a kernel's time.
     */
    private double[][] compute(double[] variances, int count, boolean derivative) {
        double[][] out = new double[count][];
        Map<NodeTable, java.util.List<Integer>> byTable = new java.util.LinkedHashMap<>();
        for (int m = 0; m < count; m++) {
            byTable.computeIfAbsent(NodeTable.forScale(Math.sqrt(variances[m])), t -> new java.util.ArrayList<>()).add(m);
        }
        for (Map.Entry<NodeTable, java.util.List<Integer>> e : byTable.entrySet()) {
            NodeTable t = e.getKey();
            java.util.List<Integer> members = e.getValue();
            int nodes = t.z.length;
            int group = Math.max(ROWS, PRODUCT_VALUES / nodes / ROWS * ROWS);
            for (int from = 0; from < members.size(); from += group) {
                int size = Math.min(group, members.size() - from);
                // Rows padded with zeros to a multiple of ROWS: every row then takes the BLAS's
                // full-width kernel, so a variance's coefficients are the same bits whatever else is
                // in its batch (results must not depend on tiling or thread timing).
                int rows = (size + ROWS - 1) / ROWS * ROWS;
                double[] values = new double[rows * nodes];
                for (int b = 0; b < size; b++) {
                    double scale = Math.sqrt(variances[members.get(from + b)]);
                    for (int j = 0; j < nodes; j++) {
                        double x = scale * t.z[j];
                        values[b * nodes + j] = (derivative ? f.derivative(x) : f.value(x)) * t.w[j];
                    }
                }
                double[] a = new double[rows * K_MAX];
                LinearAlgebras.best().gemm(false, false, rows, K_MAX, nodes, 1.0, values, t.h, 0.0, a);
                for (int b = 0; b < size; b++) {
                    out[members.get(from + b)] = java.util.Arrays.copyOfRange(a, b * K_MAX, (b + 1) * K_MAX);
                }
            }
        }
        return out;
    }

    /**
     * Nodes, Gaussian-weighted weights and Hermite values for composite Gauss–Legendre on [−13, 13]
     * split at 0 (where every activation of the spec has its kink or steepest part), with panels no
     * wider than 0.2 (the oscillation of h_200) nor than 0.6/s (the feature width of φ(s z)). Panel
     * widths are halved in steps, so a handful of tables serve every variance; each is built once.
     */
    private static final class NodeTable {
        private static final Map<Integer, NodeTable> TABLES = new ConcurrentHashMap<>();
        final double[] z;
        final double[] w;
        final double[] h;

        private NodeTable(int level) {
            double width = 0.2 / (1 << level);
            int panelsPerSide = (int) Math.ceil(HALF_RANGE / width);
            double step = HALF_RANGE / panelsPerSide;
            GaussRule rule = GaussRule.legendre(NODES_PER_PANEL);
            int n = 2 * panelsPerSide * rule.size();
            z = new double[n];
            w = new double[n];
            h = new double[n * K_MAX];
            double[] hk = new double[K_MAX];
            int j = 0;
            for (int side = -1; side <= 1; side += 2) {
                for (int p = 0; p < panelsPerSide; p++) {
                    for (int q = 0; q < rule.size(); q++) {
                        double x = side * (p * step + step * 0.5 * (rule.node(q) + 1));
                        z[j] = x;
                        w[j] = step * 0.5 * rule.weight(q) * Math.exp(-0.5 * x * x) * INV_SQRT_2PI;
                        hermite(x, hk);
                        System.arraycopy(hk, 0, h, j * K_MAX, K_MAX);
                        j++;
                    }
                }
            }
        }

        static NodeTable forScale(double s) {
            int level = s <= 3 ? 0 : (int) Math.ceil(Math.log(s / 3) / Math.log(2));
            return TABLES.computeIfAbsent(Math.min(level, 8), NodeTable::new);
        }
    }

    /** Normalised Hermite polynomials h_0..h_{K−1} at z: h_{k+1} = (z h_k − √k h_{k−1}) / √(k+1). */
    private static void hermite(double z, double[] out) {
        out[0] = 1;
        if (out.length > 1) {
            out[1] = z;
        }
        for (int k = 1; k + 1 < out.length; k++) {
            out[k + 1] = (z * out[k] - SQRT[k] * out[k - 1]) / SQRT[k + 1];
        }
    }

    private static final double[] SQRT = new double[K_MAX + 1];

    static {
        for (int k = 0; k <= K_MAX; k++) {
            SQRT[k] = Math.sqrt(k);
        }
    }
}
