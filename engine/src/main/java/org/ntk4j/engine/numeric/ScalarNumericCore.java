package org.ntk4j.engine.numeric;

import org.ntk4j.api.*;

/** TEMPORARY placeholder (not committed). */
public final class ScalarNumericCore implements NumericCore {
    public String name() { return "scalar"; }
    public DualActivation quadrature(ActivationFunction f, int degree) {
        return new DualActivation() {
            public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
                int m = 400; double h = 16.0 / m;
                for (int i = 0; i < n; i++) {
                    double s1 = Math.sqrt(k11[i]), s2 = Math.sqrt(k22[i]);
                    double rho = s1 * s2 == 0 ? 0 : Math.max(-1, Math.min(1, k12[i] / (s1 * s2)));
                    double c = Math.sqrt(1 - rho * rho), a = 0, b = 0;
                    for (int p = 0; p <= m; p++) { double z1 = -8 + p * h, w1 = Math.exp(-z1*z1/2) * h / Math.sqrt(2*Math.PI);
                        for (int q = 0; q <= m; q++) { double z2 = -8 + q * h, w = w1 * Math.exp(-z2*z2/2) * h / Math.sqrt(2*Math.PI);
                            double u = s1 * z1, v = s2 * (rho * z1 + c * z2);
                            a += w * f.value(u) * f.value(v); b += w * f.derivative(u) * f.derivative(v); } }
                    cov[i] = a; if (dot != null) dot[i] = b; }
            }
            public String describe() { return "tmp"; }
        };
    }
    public DualActivation monteCarlo(ActivationFunction f, int samples, long seed) { return quadrature(f, 0); }
}
