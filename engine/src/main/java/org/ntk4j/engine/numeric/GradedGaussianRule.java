package org.ntk4j.engine.numeric;

import java.util.Arrays;

/**
 * A composite Gauss–Legendre rule for {@code ∫ h(z) ϕ(z) dz}, ϕ the standard normal density,
 * built for integrands that are smooth except at (at most two) known split points where the
 * activation's argument crosses 0, with sharp features of a known width around them.
 *
 * <p>Breakpoints: the truncation ends ±{@value #HALF_WIDTH}, the Gaussian's centre 0, the split
 * points, and around each split point a geometric grading {@code p ± w·2^k}, w = min(minWidth, 1),
 * up to width {@value #GRADED_UP_TO}. Each panel of width h gets {@code clamp(⌈4h⌉, 8, 30)}
 * Legendre nodes: the small graded panels resolve the kink or sharp feature (their size follows
 * the feature, so a fixed degree suffices), and the long smooth panels get enough nodes for the
 * Gaussian weight itself, which a fixed low degree on a wide panel integrates badly. Four nodes per
 * unit rather than three cost ~15% more per dimension and keep oscillating activations (sin, cos)
 * at 1e-11 up to variance 10 instead of 1e-7. The weights returned include ϕ(z), so
 * {@code Σ w_i h(z_i)} is the expectation.
 *
 * <p>Mutable scratch space: one instance per thread, rebuilt for every integral.
 */
final class GradedGaussianRule {

    /** ϕ(7.5) ≈ 2.4e-13: tails beyond it are below 1e-11 even for integrands growing like z². */
    static final double HALF_WIDTH = 7.5;
    /** Panels grow geometrically away from a split point until they reach this width. */
    static final double GRADED_UP_TO = 1.5;
    private static final double RATIO = 2.0;
    private static final double NODES_PER_UNIT = 4.0;
    private static final int MIN_NODES = 8;
    private static final int MAX_NODES = 30;
    /** Below this no feature can matter in double precision; it also bounds the grading depth. */
    private static final double WIDTH_FLOOR = 1e-12;
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    private static final GaussRule[] LEGENDRE = new GaussRule[MAX_NODES + 1];

    static {
        for (int n = MIN_NODES; n <= MAX_NODES; n++) {
            LEGENDRE[n] = GaussRule.legendre(n);
        }
    }

    private double[] breaks = new double[64];
    private int breakCount;
    private double[] nodes = new double[512];
    private double[] weights = new double[512];
    private int size;

    /**
     * Builds the rule. {@code splitA}, {@code splitB}: points where the integrand may be kinked or
     * jump (NaN when absent; ignored outside the truncation range). {@code minWidth}: the width of
     * the sharpest feature next to a split point, in z units.
     */
    GradedGaussianRule build(double splitA, double splitB, double minWidth) {
        // A split point gets panels of width at most 1 next to it even for a feature-free
        // integrand: the kink itself still sits there.
        double w0 = Math.max(WIDTH_FLOOR, Math.min(minWidth, 1.0));
        breakCount = 0;
        add(-HALF_WIDTH);
        add(0.0);
        add(HALF_WIDTH);
        grade(splitA, w0);
        grade(splitB, w0);
        Arrays.sort(breaks, 0, breakCount);
        size = 0;
        double prev = breaks[0];
        for (int b = 1; b < breakCount; b++) {
            double next = breaks[b];
            if (next > prev) {
                addPanel(prev, next);
                prev = next;
            }
        }
        return this;
    }

    int size() {
        return size;
    }

    double node(int i) {
        return nodes[i];
    }

    /** The quadrature weight of node i, including the Gaussian density there. */
    double weight(int i) {
        return weights[i];
    }

    private void grade(double split, double w0) {
        if (!(Math.abs(split) < HALF_WIDTH)) {
            return; // absent (NaN) or outside the range: the integrand is smooth on it
        }
        add(split);
        for (double w = w0; w < GRADED_UP_TO; w *= RATIO) {
            if (split - w > -HALF_WIDTH) {
                add(split - w);
            }
            if (split + w < HALF_WIDTH) {
                add(split + w);
            }
        }
    }

    private void add(double x) {
        if (breakCount == breaks.length) {
            breaks = Arrays.copyOf(breaks, 2 * breaks.length);
        }
        breaks[breakCount++] = x;
    }

    private void addPanel(double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (a + b);
        int n = (int) Math.min(MAX_NODES, Math.max(MIN_NODES, Math.ceil(NODES_PER_UNIT * (b - a))));
        GaussRule rule = LEGENDRE[n];
        if (size + n > nodes.length) {
            int cap = Math.max(2 * nodes.length, size + n);
            nodes = Arrays.copyOf(nodes, cap);
            weights = Arrays.copyOf(weights, cap);
        }
        for (int i = 0; i < n; i++) {
            double z = mid + half * rule.node(i);
            nodes[size] = z;
            weights[size] = half * rule.weight(i) * Math.exp(-0.5 * z * z) * INV_SQRT_2PI;
            size++;
        }
    }
}
