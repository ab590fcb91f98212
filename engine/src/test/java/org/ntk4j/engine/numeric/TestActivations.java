package org.ntk4j.engine.numeric;

import java.util.function.DoubleUnaryOperator;
import org.ntk4j.api.ActivationFunction;

/** The activations of the spec, written out here so the engine's tests depend on no layer module. */
final class TestActivations {

    private TestActivations() {
    }

    static ActivationFunction of(DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
        return new ActivationFunction() {
            @Override
            public double value(double x) {
                return value.applyAsDouble(x);
            }

            @Override
            public double derivative(double x) {
                return derivative.applyAsDouble(x);
            }
        };
    }

    static ActivationFunction byName(String name) {
        switch (name) {
            case "tanh":
                return of(Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x));
            case "sigmoid":
                return of(TestActivations::sigmoid, x -> sigmoid(x) * sigmoid(-x));
            case "softplus":
                return of(x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), TestActivations::sigmoid);
            case "silu":
                return of(x -> x * sigmoid(x), x -> sigmoid(x) * (1 + x * sigmoid(-x)));
            case "elu":
                return of(x -> x > 0 ? x : Math.expm1(x), x -> x > 0 ? 1 : Math.exp(x));
            case "gelu":
                return of(x -> x * normalCdf(x), x -> normalCdf(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
            case "relu":
                return of(x -> x > 0 ? x : 0, x -> x > 0 ? 1 : 0);
            case "sign":
                return of(Math::signum, x -> 0);
            case "abs":
                return of(Math::abs, Math::signum);
            case "erf":
                return of(TestActivations::erf, x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
            case "sin":
                return of(Math::sin, Math::cos);
            case "cos":
                return of(Math::cos, x -> -Math.sin(x));
            default:
                throw new IllegalArgumentException(name);
        }
    }

    static ActivationFunction leakyRelu(double slope) {
        return of(x -> x > 0 ? x : slope * x, x -> x > 0 ? 1 : slope);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double normalCdf(double x) {
        return 0.5 * (1 + erf(x / Math.sqrt(2)));
    }

    /**
     * erf to ~1e-16 absolute: erf(x) = 2/√π · e^{−x²} · Σ 2ⁿ x^{2n+1} / (1·3···(2n+1)), a series of
     * positive terms (no cancellation); beyond |x| = 6 erf is ±1 in double precision.
     */
    static double erf(double x) {
        double a = Math.abs(x);
        if (a > 6) {
            return Math.signum(x);
        }
        double term = a;
        double sum = a;
        for (int n = 1; n < 500 && term > 1e-18 * sum; n++) {
            term *= 2 * a * a / (2 * n + 1);
            sum += term;
        }
        return Math.copySign(Math.min(1.0, 2 / Math.sqrt(Math.PI) * Math.exp(-a * a) * sum), x);
    }
}
