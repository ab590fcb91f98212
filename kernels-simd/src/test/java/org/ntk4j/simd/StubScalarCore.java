package org.ntk4j.simd;

import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.NumericCore;

/** A scalar core that hands out recognisable duals, to see what the SIMD core delegates. */
final class StubScalarCore implements NumericCore {

    record Marker(String describe) implements DualActivation {
        @Override
        public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
            throw new UnsupportedOperationException("marker only");
        }
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public DualActivation quadrature(ActivationFunction f, int degree) {
        return new Marker("quadrature " + degree);
    }

    @Override
    public DualActivation monteCarlo(ActivationFunction f, int samples, long seed) {
        return new Marker("montecarlo " + samples + " " + seed);
    }
}
