package org.ntk4j.simd;

import java.util.Map;
import org.ntk4j.api.DualActivation;

/**
 * Scalar closed-form duals, one pair at a time with java.lang.Math: the reference the vectorised
 * duals must agree with to 1e-12 relative. Written independently of the vector code: plain loops,
 * Math.atan2, the g series summed term by term, the clamp by the determinant's sign.
 */
final class ScalarClosedForms {

    private ScalarClosedForms() {
    }

    /** The scalar dual of a core activation with the given parameters. */
    static DualActivation of(String activation, Map<String, Double> params) {
        return switch (activation) {
            case "relu" -> arcCosine(0.0, 1.0);
            case "leakyRelu" -> arcCosine(params.get("slope"), 1.0);
            case "abRelu" -> arcCosine(params.get("a"), params.get("b"));
            case "abs" -> arcCosine(-1.0, 1.0);
            case "erf" -> pairwise(ScalarClosedForms::erf);
            case "gelu" -> pairwise(ScalarClosedForms::gelu);
            case "identity" -> pairwise((k11, k22, k12, out) -> {
                out[0] = cross(k11, k22, k12);
                out[1] = 1.0;
            });
            default -> throw new IllegalArgumentException(activation);
        };
    }

    /** One pair: {@code out[0] = cov}, {@code out[1] = dot}. */
    interface Pair {
        void compute(double k11, double k22, double k12, double[] out);
    }

    static DualActivation pairwise(Pair pair) {
        return new DualActivation() {
            @Override
            public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
                double[] out = new double[2];
                for (int i = 0; i < n; i++) {
                    pair.compute(k11[i], k22[i], k12[i], out);
                    cov[i] = out[0];
                    if (dot != null) {
                        dot[i] = out[1];
                    }
                }
            }

            @Override
            public String describe() {
                return "closed(scalar reference)";
            }
        };
    }

    static double det(double v1, double v2, double k12) {
        double square = k12 * k12;
        return Math.fma(v1, v2, -square) + Math.fma(-k12, k12, square);
    }

    /** k12 clamped to ±√v1·√v2 where the determinant says |ρ| &gt; 1. */
    static double cross(double k11, double k22, double k12) {
        double v1 = Math.max(k11, 0.0);
        double v2 = Math.max(k22, 0.0);
        return det(v1, v2, k12) >= 0.0 ? k12 + 0.0 : Math.copySign(Math.sqrt(v1) * Math.sqrt(v2), k12) + 0.0;
    }

    static DualActivation arcCosine(double a, double b) {
        double same = a * a + b * b;
        double opposite = 2.0 * a * b;
        return pairwise((k11, k22, k12, out) -> {
            double v1 = Math.max(k11, 0.0);
            double v2 = Math.max(k22, 0.0);
            double scale = Math.sqrt(v1) * Math.sqrt(v2);
            if (scale == 0.0) {
                out[0] = 0.0;
                out[1] = (same + opposite) / 4.0;
                return;
            }
            double c = cross(v1, v2, k12);
            double root = Math.sqrt(Math.max(det(v1, v2, k12), 0.0));
            double theta = Math.atan2(root, c);
            double pi = Math.atan2(root, -c);
            out[0] = (same * g(pi, scale, root, -c) - opposite * g(theta, scale, root, c)) / (2.0 * Math.PI);
            out[1] = (same * pi + opposite * theta) / (2.0 * Math.PI);
        });
    }

    /** scale·(sin ψ − ψ cos ψ), by its series below 0.5 where the difference would cancel. */
    static double g(double psi, double scale, double sine, double cosine) {
        if (psi >= 0.5) {
            return sine - psi * cosine;
        }
        double sum = 0.0;
        double power = psi * psi * psi;
        double factorial = 6.0;
        for (int k = 1; k <= 12; k++) {
            sum += (k % 2 == 1 ? 1 : -1) * 2.0 * k * power / factorial;
            power *= psi * psi;
            factorial *= (2.0 * k + 2.0) * (2.0 * k + 3.0);
        }
        return scale * sum;
    }

    static void erf(double k11, double k22, double k12, double[] out) {
        double v1 = Math.max(k11, 0.0);
        double v2 = Math.max(k22, 0.0);
        double c = cross(v1, v2, k12);
        double root = Math.sqrt(1.0 + 2.0 * (v1 + v2) + 4.0 * Math.max(det(v1, v2, k12), 0.0));
        out[0] = 2.0 / Math.PI * Math.atan2(2.0 * c, root);
        out[1] = 4.0 / Math.PI / root;
    }

    static void gelu(double k11, double k22, double k12, double[] out) {
        double v1 = Math.max(k11, 0.0);
        double v2 = Math.max(k22, 0.0);
        double c = cross(v1, v2, k12);
        double p1 = 1.0 + v1;
        double p2 = 1.0 + v2;
        double delta = 1.0 + v1 + v2 + Math.max(det(v1, v2, k12), 0.0);
        double root = Math.sqrt(delta);
        double alpha = Math.atan2(c, root);
        double twoPi = 2.0 * Math.PI;
        out[0] = c / 4.0 + c * alpha / twoPi + (v1 * v2 * delta + c * c) / (twoPi * p1 * p2 * root);
        out[1] = 0.25 + alpha / twoPi + c * (1.0 / p1 + 1.0 / p2) / (twoPi * root) + c / (twoPi * delta * root);
    }
}
