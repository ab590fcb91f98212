package org.ntk4j.engine.numeric;

import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * Plain tensor-product Gauss–Hermite of a given degree in the Cholesky coordinates
 * u = s1·z1, v = s2·(ρ z1 + √(1−ρ²) z2): what Neural Tangents users do. Kept for comparison; it
 * converges slowly for kinks and for sharp activations at large variance (at variance 10 and
 * degree 25, tanh's NNGP is 1–5% off and its NTK 20–50%), which is why the automatic rule exists.
 */
final class GaussHermiteDual implements DualActivation {

    private final ActivationFunction f;
    private final GaussRule rule;

    GaussHermiteDual(ActivationFunction f, int degree) {
        this.f = f;
        this.rule = GaussRule.hermite(degree);
    }

    @Override
    public String describe() {
        return "quadrature(gauss-hermite, degree " + rule.size() + ")";
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        int d = rule.size();
        for (int e = 0; e < n; e++) {
            double s1 = Math.sqrt(Math.max(0.0, k11[e]));
            double s2 = Math.sqrt(Math.max(0.0, k22[e]));
            double norm = s1 * s2;
            double rho = norm > 0 ? Math.max(-1.0, Math.min(1.0, k12[e] / norm)) : 0.0;
            if (Double.isNaN(k12[e])) {
                rho = Double.NaN;
            }
            double c = Math.sqrt(Math.max(0.0, (1 - rho) * (1 + rho)));
            double sc = 0;
            double sd = 0;
            for (int i = 0; i < d; i++) {
                double z1 = rule.node(i);
                double u = s1 * z1;
                double m = s2 * rho * z1;
                double ic = 0;
                double id = 0;
                for (int j = 0; j < d; j++) {
                    double v = m + s2 * c * rule.node(j);
                    ic += rule.weight(j) * f.value(v);
                    if (dot != null) {
                        id += rule.weight(j) * f.derivative(v);
                    }
                }
                sc += rule.weight(i) * f.value(u) * ic;
                if (dot != null) {
                    sd += rule.weight(i) * f.derivative(u) * id;
                }
            }
            cov[e] = sc;
            if (dot != null) {
                dot[e] = sd;
            }
        }
    }
}
