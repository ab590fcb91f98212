package org.ntk4j.layers.core.conv;

import java.util.Optional;
import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * A relu with its arc-cosine dual (Cho and Saul 2009) for layer-level tests that do not go through
 * the plugin catalog.
 */
final class ArcCosRelu implements Activation, ActivationFunction, DualActivation {

    static final ArcCosRelu INSTANCE = new ArcCosRelu();

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public ActivationFunction function() {
        return this;
    }

    @Override
    public DualActivation dual() {
        return this;
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : 0;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : 0;
    }

    @Override
    public Optional<DualActivation> closedForm() {
        return Optional.of(this);
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(k11[i] * k22[i]);
            double rho = s > 0 ? Math.max(-1, Math.min(1, k12[i] / s)) : 0;
            double t = Math.acos(rho);
            cov[i] = s * (Math.sin(t) + (Math.PI - t) * Math.cos(t)) / (2 * Math.PI);
            if (dot != null) {
                dot[i] = (Math.PI - t) / (2 * Math.PI);
            }
        }
    }

    @Override
    public String describe() {
        return "closed";
    }
}
