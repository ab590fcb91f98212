package org.ntk4j.layers.core.activation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.DoubleBinaryOperator;

/**
 * An independent reference for E[f(u, v)], (u, v) ~ N(0, [[k11, k12], [k12, k22]]), accurate to
 * ~1e-13 for the activations here. u = √k11 z1, v = (k12/√k11) z1 + (√det/√k11) z2 with
 * (z1, z2) standard normal, integrated in polar coordinates (z1, z2) = r (cos t, sin t):
 * <pre>  E f = (1/2π) ∫ dt ∫_0^R dr r e^{−r²/2} f(...)  </pre>
 * with composite Gauss–Legendre in both. The kinks of piecewise activations lie on the lines
 * u = 0 and v = 0, which are rays in t: the angular range is split there, so every sector sees
 * a smooth integrand, even at ρ = 0.999999 where one sector is only ~1e-3 wide (and at
 * ρ = −1 with unequal variances, where rounding leaves one ~1e-9 wide).
 * Shares no code with the closed forms (the determinant is computed exactly in BigDecimal).
 */
final class PolarGaussianQuadrature {

    /** e^{−R²/2}·R³ ≈ 2e-19: the radial cut is far below the accuracy asked for. */
    private static final double RADIUS = 10.0;
    private static final int RADIAL_PANELS = 10;
    private static final double MAX_ANGULAR_PANEL = Math.PI / 8;
    private static final GaussLegendre RULE = new GaussLegendre(16);

    private static final double[] RADII;
    private static final double[] RADIAL_WEIGHTS;

    static {
        double[][] radial = RULE.composite(0.0, RADIUS, RADIAL_PANELS);
        RADII = radial[0];
        RADIAL_WEIGHTS = new double[RADII.length];
        for (int i = 0; i < RADII.length; i++) {
            double r = RADII[i];
            RADIAL_WEIGHTS[i] = radial[1][i] * r * Math.exp(-0.5 * r * r);
        }
    }

    /** E[f(u, v)] and E[|f(u, v)|] (the scale against which an absolute error is judged). */
    record Expectation(double value, double magnitude) {
    }

    private PolarGaussianQuadrature() {
    }

    static Expectation expectation(DoubleBinaryOperator f, double k11, double k22, double k12) {
        double s1 = Math.sqrt(k11);
        double a = k12 / s1;
        double b = Math.sqrt(Math.max(0.0, exactDeterminant(k11, k22, k12))) / s1;
        double[][] kinks = kinkDirections(a, b);
        double sum = 0.0;
        double absSum = 0.0;
        for (int s = 0; s < kinks.length; s++) {
            double[] from = kinks[s];
            double[] to = kinks[(s + 1) % kinks.length];
            double cross = from[0] * to[1] - from[1] * to[0];
            double dot = from[0] * to[0] + from[1] * to[1];
            double width = (cross == 0.0 && dot < 0.0) ? Math.PI : Math.atan2(cross, dot);
            if (width <= 0.0) {
                continue; // the same direction twice (v = 0 on the line u = 0, i.e. ρ = ±1)
            }
            int panels = (int) Math.ceil(width / MAX_ANGULAR_PANEL);
            double[][] angular = RULE.composite(0.0, width, panels);
            for (int j = 0; j < angular[0].length; j++) {
                // the node direction: `from` rotated by τ, accurate relative to the sector width
                double cos = Math.cos(angular[0][j]);
                double sin = Math.sin(angular[0][j]);
                double d1 = from[0] * cos - from[1] * sin;
                double d2 = from[1] * cos + from[0] * sin;
                double inner = 0.0;
                double absInner = 0.0;
                for (int i = 0; i < RADII.length; i++) {
                    double z1 = RADII[i] * d1;
                    double z2 = RADII[i] * d2;
                    double value = f.applyAsDouble(s1 * z1, a * z1 + b * z2);
                    inner += RADIAL_WEIGHTS[i] * value;
                    absInner += RADIAL_WEIGHTS[i] * Math.abs(value);
                }
                sum += angular[1][j] * inner;
                absSum += angular[1][j] * absInner;
            }
        }
        return new Expectation(sum / (2.0 * Math.PI), absSum / (2.0 * Math.PI));
    }

    /**
     * Unit vectors along the lines u = 0 (z1 = 0) and v = 0 (a z1 + b z2 = 0), both ways, in
     * counter-clockwise order. Sectors are spanned from these vectors rather than from angles:
     * a sector 1e-9 wide next to π/2 would otherwise be known only to ~1e-7 relative.
     */
    private static double[][] kinkDirections(double a, double b) {
        double norm = Math.hypot(a, b);
        double[][] directions = {{0.0, 1.0}, {0.0, -1.0}, {b / norm, -a / norm}, {-b / norm, a / norm}};
        Arrays.sort(directions, Comparator.comparingDouble(d -> Math.atan2(d[1], d[0])));
        return directions;
    }

    /** k11·k22 − k12² of the given doubles, exactly, then rounded once. */
    static double exactDeterminant(double k11, double k22, double k12) {
        BigDecimal product = new BigDecimal(k11).multiply(new BigDecimal(k22));
        BigDecimal square = new BigDecimal(k12).multiply(new BigDecimal(k12));
        return product.subtract(square).round(MathContext.DECIMAL64).doubleValue();
    }
}
