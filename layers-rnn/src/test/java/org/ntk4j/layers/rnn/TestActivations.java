package org.ntk4j.layers.rnn;

import java.util.Optional;
import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * Activations for the tests, independent of the activation plugins: erf and relu with their
 * closed-form duals, tanh with a dense trapezoid rule in two dimensions (spectrally accurate for
 * Gaussian integrands; step 1/8 on [−8.5, 8.5] gives far below 1e-8).
 */
final class TestActivations {

    private TestActivations() {
    }

    static Activation erf() {
        ActivationFunction f = new ActivationFunction() {
            @Override
            public double value(double x) {
                return Erf.erf(x);
            }

            @Override
            public double derivative(double x) {
                return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
            }

            @Override
            public boolean isOdd() {
                return true;
            }
        };
        DualActivation dual = new DualActivation() {
            @Override
            public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
                for (int i = 0; i < n; i++) {
                    double a = 1 + 2 * k11[i];
                    double b = 1 + 2 * k22[i];
                    double r = Math.max(-1, Math.min(1, 2 * k12[i] / Math.sqrt(a * b)));
                    cov[i] = 2 / Math.PI * Math.asin(r);
                    if (dot != null) {
                        dot[i] = 4 / Math.PI / Math.sqrt(Math.max(a * b - 4 * k12[i] * k12[i], 1e-300));
                    }
                }
            }

            @Override
            public String describe() {
                return "closed";
            }
        };
        return activation("erf", f, dual);
    }

    static Activation relu() {
        ActivationFunction f = new ActivationFunction() {
            @Override
            public double value(double x) {
                return Math.max(0, x);
            }

            @Override
            public double derivative(double x) {
                return x > 0 ? 1 : 0;
            }
        };
        DualActivation dual = new DualActivation() {
            @Override
            public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
                for (int i = 0; i < n; i++) {
                    double s = Math.sqrt(k11[i] * k22[i]);
                    double c = s == 0 ? 0 : Math.max(-1, Math.min(1, k12[i] / s));
                    double theta = Math.acos(c);
                    cov[i] = s / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * c);
                    if (dot != null) {
                        dot[i] = (Math.PI - theta) / (2 * Math.PI);
                    }
                }
            }

            @Override
            public String describe() {
                return "closed";
            }
        };
        return activation("relu", f, dual);
    }

    static Activation tanh() {
        ActivationFunction f = new ActivationFunction() {
            @Override
            public double value(double x) {
                return Math.tanh(x);
            }

            @Override
            public double derivative(double x) {
                double c = Math.cosh(x);
                return 1 / (c * c);
            }

            @Override
            public boolean isOdd() {
                return true;
            }
        };
        return activation("tanh", f, new Trapezoid(f));
    }

    private static Activation activation(String name, ActivationFunction f, DualActivation dual) {
        return new Activation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ActivationFunction function() {
                return f;
            }

            @Override
            public DualActivation dual() {
                return dual;
            }
        };
    }

    /** E[φ(u)φ(v)], E[φ'(u)φ'(v)] on a product grid of standard normals, u = s1 z1, v = s2 (ρ z1 + √(1−ρ²) z2). */
    private static final class Trapezoid implements DualActivation {
        private static final double H = 0.125;
        private static final int M = 68;
        private final ActivationFunction f;
        private final double[] z = new double[2 * M + 1];
        private final double[] wz = new double[2 * M + 1];

        Trapezoid(ActivationFunction f) {
            this.f = f;
            for (int k = -M; k <= M; k++) {
                z[k + M] = k * H;
                wz[k + M] = H * Math.exp(-0.5 * k * H * k * H) / Math.sqrt(2 * Math.PI);
            }
        }

        @Override
        public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
            for (int i = 0; i < n; i++) {
                double s1 = Math.sqrt(k11[i]);
                double s2 = Math.sqrt(k22[i]);
                double rho = s1 * s2 == 0 ? 0 : Math.max(-1, Math.min(1, k12[i] / (s1 * s2)));
                double c = Math.sqrt(1 - rho * rho);
                double a = 0;
                double b = 0;
                for (int p = 0; p < z.length; p++) {
                    double u = s1 * z[p];
                    double fu = f.value(u);
                    double du = f.derivative(u);
                    double ia = 0;
                    double ib = 0;
                    for (int q = 0; q < z.length; q++) {
                        double v = s2 * (rho * z[p] + c * z[q]);
                        ia += wz[q] * f.value(v);
                        ib += wz[q] * f.derivative(v);
                    }
                    a += wz[p] * fu * ia;
                    b += wz[p] * du * ib;
                }
                cov[i] = a;
                if (dot != null) {
                    dot[i] = b;
                }
            }
        }

        @Override
        public String describe() {
            return "trapezoid";
        }
    }
}
