package org.ntk4j.layers.rnn;

import org.ntk4j.api.Parameterization;

/**
 * The standard deviations of a recurrent layer and what its weights contribute to the NTK.
 * Under "ntk" each weight's own gradient contributes {@code std² × (covariance of what it multiplies)};
 * under "standard" the unscaled gradient contributes {@code fanIn × covariance} for weights and 1 for
 * biases. The backward factor through the recurrent matrix is {@code wStd²} in both.
 */
record WeightScales(double wStd, double uStd, double bStd, int width, Parameterization parameterization) {

    double w2() {
        return wStd * wStd;
    }

    double u2() {
        return uStd * uStd;
    }

    double b2() {
        return bStd * bStd;
    }

    /** NTK coefficient of the recurrent matrix's own gradient (multiplies the state covariance). */
    double ntkW() {
        return parameterization == Parameterization.NTK ? w2() : width;
    }

    /** NTK coefficient of the input matrix's own gradient (multiplies the input kernel {@code <x,x'>/d}). */
    double ntkU(int inputChannels) {
        return parameterization == Parameterization.NTK ? u2() : inputChannels;
    }

    /** NTK contribution of the bias. */
    double ntkB() {
        return parameterization == Parameterization.NTK ? b2() : 1.0;
    }
}
