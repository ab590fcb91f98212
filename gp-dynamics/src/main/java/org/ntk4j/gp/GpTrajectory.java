package org.ntk4j.gp;

import java.util.List;

/** The Gaussian of the outputs at each requested training time, in the order the times were given. */
public final class GpTrajectory {
    private final double[] times;
    private final List<Gaussian> gaussians;

    GpTrajectory(double[] times, List<Gaussian> gaussians) {
        this.times = times.clone();
        this.gaussians = List.copyOf(gaussians);
    }

    /** The requested times (unscaled; {@code +∞} for the converged network). */
    public double[] times() {
        return times.clone();
    }

    public int size() {
        return times.length;
    }

    public Gaussian at(int index) {
        return gaussians.get(index);
    }

    public List<Gaussian> gaussians() {
        return gaussians;
    }

    /** Means as {@code [times][points][outputs]}. */
    public double[][][] means() {
        double[][][] out = new double[times.length][][];
        for (int t = 0; t < times.length; t++) {
            out[t] = gaussians.get(t).mean().toRows();
        }
        return out;
    }

    /** Covariances as {@code [times][points][points]}. */
    public double[][][] covariances() {
        double[][][] out = new double[times.length][][];
        for (int t = 0; t < times.length; t++) {
            out[t] = gaussians.get(t).covariance().toRows();
        }
        return out;
    }

    /** Smallest covariance eigenvalue per time (see {@link Gaussian#smallestCovarianceEigenvalue()}). */
    public double[] smallestCovarianceEigenvalues() {
        double[] out = new double[times.length];
        for (int t = 0; t < times.length; t++) {
            out[t] = gaussians.get(t).smallestCovarianceEigenvalue();
        }
        return out;
    }
}
