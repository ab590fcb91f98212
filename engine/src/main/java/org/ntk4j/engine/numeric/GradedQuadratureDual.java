package org.ntk4j.engine.numeric;

import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * The automatic quadrature dual: {@code E[φ(u)φ(v)]} and {@code E[φ'(u)φ'(v)]} to about 1e-10
 * relative accuracy for smooth, kinked and jumping activations (see {@link ScalarNumericCore} for
 * the rule, why it was chosen and what it measured).
 *
 * <p>Per entry, with s1 ≥ s2 (the roles of u and v are swapped when needed, which also makes the
 * result exactly symmetric), ρ the clamped correlation and c = √(1 − ρ²):
 * <ul>
 * <li>a zero variance: u ≡ 0, so the expectation factorises exactly into φ(0)·E[φ(v)];</li>
 * <li>ρ = 0: the product of two one-dimensional expectations;</li>
 * <li>c &lt; 1e-9: the line v = ±(s2/s1)u, a one-dimensional integral (the error of this snap is
 * O(c), below 1e-9 even for the discontinuous derivative of relu);</li>
 * <li>otherwise nested one-dimensional {@link GradedGaussianRule}s in the Cholesky coordinates
 * u = s1·z1, v = s2·(ρ z1 + c z2), in one of two orders (below).</li>
 * </ul>
 *
 * <p>Smoothed-kink order (c/|ρ| ≥ 1e-3): outer over z1 split at u = 0, inner over z2 split at
 * v = 0, i.e. {@code Σ W(z1) φ(s1 z1) E[φ(s2 ρ z1 + s2 c Z)]}; φ(u) is evaluated once per outer
 * node. The inner expectation, as a function of z1, is φ smoothed over a width s2·c: near z1 = 0 it
 * has a rounded kink of width c/|ρ| in z1, so the outer rule is graded down to that width.
 *
 * <p>Two-split order (c/|ρ| &lt; 1e-3, nearly collinear): that grading would get deep, so the
 * roles swap: outer over z2 split at 0, inner over z1 split at both u = 0 (z1 = 0) and v = 0
 * (z1 = −c z2/ρ). Both kinks are then explicit break points of the inner rule, whatever c.
 */
final class GradedQuadratureDual implements DualActivation {

    private static final double LINE_BELOW = 1e-9;
    private static final double TWO_SPLIT_BELOW = 1e-3;

    private final ActivationFunction f;

    GradedQuadratureDual(ActivationFunction f) {
        this.f = f;
    }

    @Override
    public String describe() {
        return "quadrature(auto)";
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        Entry e = new Entry();
        for (int i = 0; i < n; i++) {
            e.evaluate(k11[i], k22[i], k12[i], dot != null);
            cov[i] = e.cov;
            if (dot != null) {
                dot[i] = e.dot;
            }
        }
    }

    /** One entry's integrals, with the scratch rules they need (one per compute call). */
    private final class Entry {
        private final GradedGaussianRule outer = new GradedGaussianRule();
        private final GradedGaussianRule inner = new GradedGaussianRule();
        double cov;
        double dot;
        private boolean withDot;

        void evaluate(double a11, double a22, double a12, boolean withDot) {
            this.withDot = withDot;
            if (Double.isNaN(a11) || Double.isNaN(a22) || Double.isNaN(a12)) {
                cov = Double.NaN;
                dot = Double.NaN;
                return;
            }
            // Variances are ≥ 0 in exact arithmetic; tiny negatives come from rounding.
            double v1 = Math.max(0.0, a11);
            double v2 = Math.max(0.0, a22);
            if (v2 > v1) { // the dual is symmetric: put the larger variance outside
                double t = v1;
                v1 = v2;
                v2 = t;
            }
            double s1 = Math.sqrt(v1);
            double s2 = Math.sqrt(v2);
            if (s2 == 0) {
                oneZeroVariance(s1);
                return;
            }
            double rho;
            double c;
            double prod = v1 * v2;
            if (Double.isFinite(prod)) {
                // k11·k22 − k12² is exactly 0 when x = x' (k11 = k22 = k12), so the diagonal takes
                // the cheap exact path instead of a 1e-8-wide correlation from rounding.
                double det = prod - a12 * a12;
                rho = Math.max(-1.0, Math.min(1.0, a12 / (s1 * s2)));
                c = det > 0 ? Math.sqrt(det / prod) : 0.0;
            } else {
                rho = Math.max(-1.0, Math.min(1.0, (a12 / s1) / s2));
                c = Math.sqrt(Math.max(0.0, (1 - rho) * (1 + rho)));
            }
            if (rho == 0) {
                independent(s1, s2);
            } else if (c < LINE_BELOW) {
                line(s1, Math.copySign(s2, rho));
            } else if (c >= TWO_SPLIT_BELOW * Math.abs(rho)) {
                smoothedKinkOrder(s1, s2, rho, c);
            } else {
                twoSplitOrder(s1, s2, rho, c);
            }
        }

        private void oneZeroVariance(double s1) {
            double f0 = f.value(0.0);
            double d0 = withDot ? f.derivative(0.0) : 0.0;
            if (s1 == 0) {
                cov = f0 * f0;
                dot = d0 * d0;
                return;
            }
            outer.build(0.0, Double.NaN, 1.0 / s1);
            double ev = 0;
            double ed = 0;
            for (int i = 0; i < outer.size(); i++) {
                double w = outer.weight(i);
                double u = s1 * outer.node(i);
                ev += w * f.value(u);
                if (withDot) {
                    ed += w * f.derivative(u);
                }
            }
            cov = f0 * ev;
            dot = d0 * ed;
        }

        private void independent(double s1, double s2) {
            outer.build(0.0, Double.NaN, 1.0 / s1);
            inner.build(0.0, Double.NaN, 1.0 / s2);
            double e1 = 0;
            double e2 = 0;
            double d1 = 0;
            double d2 = 0;
            for (int i = 0; i < outer.size(); i++) {
                double w = outer.weight(i);
                double u = s1 * outer.node(i);
                e1 += w * f.value(u);
                if (withDot) {
                    d1 += w * f.derivative(u);
                }
            }
            for (int j = 0; j < inner.size(); j++) {
                double w = inner.weight(j);
                double v = s2 * inner.node(j);
                e2 += w * f.value(v);
                if (withDot) {
                    d2 += w * f.derivative(v);
                }
            }
            cov = e1 * e2;
            dot = d1 * d2;
        }

        /** u = s1·z, v = s2v·z (s2v carries the sign of ρ). */
        private void line(double s1, double s2v) {
            outer.build(0.0, Double.NaN, 1.0 / s1);
            double sc = 0;
            double sd = 0;
            for (int i = 0; i < outer.size(); i++) {
                double w = outer.weight(i);
                double z = outer.node(i);
                double u = s1 * z;
                double v = s2v * z;
                sc += w * f.value(u) * f.value(v);
                if (withDot) {
                    sd += w * f.derivative(u) * f.derivative(v);
                }
            }
            cov = sc;
            dot = sd;
        }

        private void smoothedKinkOrder(double s1, double s2, double rho, double c) {
            double sigma = s2 * c;
            double r = Math.abs(rho);
            double featureWidth = Math.min(1.0 / s1, Math.min(c / r, 1.0 / (s2 * r)));
            outer.build(0.0, Double.NaN, featureWidth);
            double sc = 0;
            double sd = 0;
            for (int i = 0; i < outer.size(); i++) {
                double z1 = outer.node(i);
                double m = s2 * rho * z1;
                inner.build(-m / sigma, Double.NaN, 1.0 / sigma);
                double gc = 0;
                double gd = 0;
                for (int j = 0; j < inner.size(); j++) {
                    double w = inner.weight(j);
                    double v = m + sigma * inner.node(j);
                    gc += w * f.value(v);
                    if (withDot) {
                        gd += w * f.derivative(v);
                    }
                }
                double w = outer.weight(i);
                double u = s1 * z1;
                sc += w * f.value(u) * gc;
                if (withDot) {
                    sd += w * f.derivative(u) * gd;
                }
            }
            cov = sc;
            dot = sd;
        }

        private void twoSplitOrder(double s1, double s2, double rho, double c) {
            outer.build(0.0, Double.NaN, 1.0 / (s2 * c));
            double innerWidth = Math.min(1.0 / s1, 1.0 / (s2 * Math.abs(rho)));
            double sc = 0;
            double sd = 0;
            for (int i = 0; i < outer.size(); i++) {
                double z2 = outer.node(i);
                double shift = s2 * c * z2;
                inner.build(0.0, -c * z2 / rho, innerWidth);
                double hc = 0;
                double hd = 0;
                for (int j = 0; j < inner.size(); j++) {
                    double w = inner.weight(j);
                    double z1 = inner.node(j);
                    double u = s1 * z1;
                    double v = s2 * rho * z1 + shift;
                    hc += w * f.value(u) * f.value(v);
                    if (withDot) {
                        hd += w * f.derivative(u) * f.derivative(v);
                    }
                }
                double w = outer.weight(i);
                sc += w * hc;
                sd += w * hd;
            }
            cov = sc;
            dot = sd;
        }
    }
}
