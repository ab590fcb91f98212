package org.ntk4j.engine.activation;

import java.util.List;
import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.Pointwise;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/** A coordinatewise activation as a layer: the dual on kernels, φ on the finite twin. */
public final class ActivationLayer implements Layer {
    private final Activation activation;
    private final String path;

    public ActivationLayer(Activation activation, String path) {
        this.activation = activation;
        this.path = path;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public String type() {
        return activation.name();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        ActivationFunction f = activation.function();
        if (f.isLinear()) {
            return in;
        }
        if (!in.gaussian()) {
            throw new SpecException(path, "\"" + type() + "\" needs Gaussian pre-activations, but its input is "
                    + "not Gaussian in the infinite-width limit (raw data, or the output of another activation or "
                    + "a normalisation over the batch): put a dense, conv or attention layer before it");
        }
        return in.withFlags(false, in.centred() && f.isOdd());
    }

    @Override
    public KernelState apply(KernelState in) {
        return Pointwise.apply(in, activation.dual());
    }

    /** The dual reads the variances of both positions; each own variance maps from itself alone. */
    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return after.atLeast(OwnCovariance.DIAGONAL);
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // An odd φ of a fresh zero-mean Gaussian is still odd in those weights: uncorrelated.
        return inputFresh && activation.function().isOdd();
    }

    @Override
    public FiniteLayer finite(FiniteContext context) {
        return new Finite(context.input());
    }

    private final class Finite implements FiniteLayer {
        private final Shape shape;
        private Batch input;

        Finite(Shape shape) {
            this.shape = shape;
        }

        @Override
        public Batch forward(Batch x) {
            input = x;
            Batch out = x.copy();
            for (double[] row : out.data()) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = activation.function().value(row[k]);
                }
            }
            return out;
        }

        @Override
        public Batch backward(Batch cot, Gradients gradients) {
            Batch g = cot.copy();
            double[][] x = input.data();
            for (int b = 0; b < x.length; b++) {
                double[] row = g.data()[b];
                for (int k = 0; k < row.length; k++) {
                    if (row[k] != 0) {
                        row[k] *= activation.function().derivative(x[b][k]);
                    }
                }
            }
            return g;
        }

        @Override
        public Shape output() {
            return shape;
        }

        @Override
        public List<double[]> parameters() {
            return List.of();
        }
    }
}
