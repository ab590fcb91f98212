package org.ntk4j.engine.numeric;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;

/**
 * Nodes and weights of an n-point Gauss rule for a symmetric measure, built from the three-term
 * recurrence of its orthonormal polynomials: {@code x p_k = b(k+1) p_(k+1) + b(k) p_(k-1)}.
 *
 * <p>The nodes are the eigenvalues of the Jacobi matrix (zero diagonal, off-diagonal b(1..n-1)),
 * found by bisection on the Sturm count of its LDLᵀ pivots: robust for any n, no eigen-solver
 * needed, and every node is within a few ulps of the truth. The weights are the Christoffel
 * numbers {@code 1 / Σ_{k<n} p_k(x)²}, accurate to full relative precision even in the far tails
 * where eigenvector-based weights lose digits. Rules are built once and cached.
 */
final class GaussRule {

    /** Beyond this the Christoffel sums of the Hermite rule leave the double range; nobody needs it. */
    static final int MAX_POINTS = 1000;

    private static final Map<Integer, GaussRule> LEGENDRE = new ConcurrentHashMap<>();
    private static final Map<Integer, GaussRule> HERMITE = new ConcurrentHashMap<>();

    private final double[] nodes;
    private final double[] weights;

    private GaussRule(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** Gauss–Legendre on [−1, 1] for dx: the weights sum to 2. */
    static GaussRule legendre(int n) {
        return LEGENDRE.computeIfAbsent(checked(n), m -> build(m, k -> k / Math.sqrt(4.0 * k * k - 1.0), 2.0));
    }

    /**
     * Gauss–Hermite for the standard normal measure: {@code Σ w_i g(x_i) ≈ E[g(Z)]}, Z ~ N(0, 1),
     * so the weights sum to 1 and the nodes are on the z scale (no √2 rescaling).
     */
    static GaussRule hermite(int n) {
        return HERMITE.computeIfAbsent(checked(n), m -> build(m, k -> Math.sqrt(k), 1.0));
    }

    int size() {
        return nodes.length;
    }

    double node(int i) {
        return nodes[i];
    }

    double weight(int i) {
        return weights[i];
    }

    private static int checked(int n) {
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException(
                    "Gauss rule size must be between 1 and " + MAX_POINTS + ", got " + n);
        }
        return n;
    }

    private static GaussRule build(int n, IntToDoubleFunction b, double mass) {
        double[] beta = new double[n + 1];
        double bmax = 0;
        for (int k = 1; k <= n; k++) {
            beta[k] = b.applyAsDouble(k);
            bmax = Math.max(bmax, beta[k]);
        }
        double[] x = new double[n];
        double[] w = new double[n];
        // The measure is symmetric: find the upper half and mirror it, so that odd integrands
        // integrate to exactly zero and the middle node of an odd rule is exactly 0.
        double bound = 2 * bmax + 1;
        for (int i = n / 2; i < n; i++) {
            double node = (n % 2 == 1 && i == n / 2) ? 0.0 : eigenvalue(beta, n, i, bound);
            x[i] = node;
            x[n - 1 - i] = -node;
            double weight = mass * christoffel(beta, n, node);
            w[i] = weight;
            w[n - 1 - i] = weight;
        }
        return new GaussRule(x, w);
    }

    /** The i-th smallest eigenvalue (0-based) of the n×n Jacobi matrix, by bisection. */
    private static double eigenvalue(double[] beta, int n, int i, double bound) {
        double lo = -bound;
        double hi = bound;
        for (int iter = 0; iter < 200 && hi - lo > 0; iter++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (countBelow(beta, n, mid) > i) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Number of eigenvalues below x: the negative pivots of J − xI (Sylvester's law of inertia). */
    private static int countBelow(double[] beta, int n, double x) {
        int count = 0;
        double d = -x;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                d = -x - beta[k] * beta[k] / d;
            }
            if (d == 0) {
                d = -Double.MIN_NORMAL; // a zero pivot: shift infinitesimally, the count is unchanged
            }
            if (d < 0) {
                count++;
            }
        }
        return count;
    }

    /** 1 / Σ_{k<n} p_k(x)² with the orthonormal recurrence, rescaled to stay within range. */
    private static double christoffel(double[] beta, int n, double x) {
        double prev = 0;
        double cur = 1;
        double sum = 1;
        double logScale = 0; // the true values are (prev, cur, sum) times exp(logScale)
        for (int k = 0; k < n - 1; k++) {
            double next = (x * cur - beta[k] * prev) / beta[k + 1];
            prev = cur;
            cur = next;
            sum += cur * cur;
            if (sum > 1e200) {
                prev *= 1e-100;
                cur *= 1e-100;
                sum *= 1e-200;
                logScale += 100 * Math.log(10);
            }
        }
        return Math.exp(-2 * logScale) / sum;
    }
}
