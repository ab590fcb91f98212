package org.ntk4j.engine.numeric;

import java.util.Random;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/**
 * Monte Carlo dual with common random numbers: one fixed set of standard normal pairs
 * (z1, z2), drawn once from the seed, serves every entry through u = s1·z1,
 * v = s2·(ρ z1 + √(1−ρ²) z2). The result is therefore a deterministic, smooth function of the
 * covariance for a given seed (neighbouring entries share their sampling error instead of adding
 * independent noise), and the same seed always gives the same numbers: {@link Random}'s generator
 * and Gaussian method are fixed by its specification.
 */
public final class MonteCarloDual implements DualActivation {

    private final ActivationFunction f;
    private final long seed;
    private final double[] z1;
    private final double[] z2;

    MonteCarloDual(ActivationFunction f, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("Monte Carlo samples must be at least 2, got " + samples);
        }
        this.f = f;
        this.seed = seed;
        this.z1 = new double[samples];
        this.z2 = new double[samples];
        Random random = new Random(seed);
        for (int i = 0; i < samples; i++) {
            z1[i] = random.nextGaussian();
            z2[i] = random.nextGaussian();
        }
    }

    @Override
    public String describe() {
        return "montecarlo(" + z1.length + " samples, seed " + seed + ")";
    }

    @Override
    public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        computeWithErrors(k11, k22, k12, n, cov, dot, null, null);
    }

    /**
     * As {@link #compute}, and when {@code covError}/{@code dotError} are non-null, the standard
     * error of each mean (sample standard deviation / √samples) for reporting.
     */
    public void computeWithErrors(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot,
            double[] covError, double[] dotError) {
        int m = z1.length;
        for (int e = 0; e < n; e++) {
            double s1 = Math.sqrt(Math.max(0.0, k11[e]));
            double s2 = Math.sqrt(Math.max(0.0, k22[e]));
            double norm = s1 * s2;
            double rho = norm > 0 ? Math.max(-1.0, Math.min(1.0, k12[e] / norm)) : 0.0;
            if (Double.isNaN(k12[e])) {
                rho = Double.NaN;
            }
            double c = Math.sqrt(Math.max(0.0, (1 - rho) * (1 + rho)));
            // Welford's running mean and sum of squared deviations: stable for any sample count.
            double meanC = 0;
            double ssC = 0;
            double meanD = 0;
            double ssD = 0;
            for (int i = 0; i < m; i++) {
                double u = s1 * z1[i];
                double v = s2 * (rho * z1[i] + c * z2[i]);
                double x = f.value(u) * f.value(v);
                double dc = x - meanC;
                meanC += dc / (i + 1);
                ssC += dc * (x - meanC);
                if (dot != null) {
                    double y = f.derivative(u) * f.derivative(v);
                    double dd = y - meanD;
                    meanD += dd / (i + 1);
                    ssD += dd * (y - meanD);
                }
            }
            cov[e] = meanC;
            if (covError != null) {
                covError[e] = Math.sqrt(ssC / (m - 1) / m);
            }
            if (dot != null) {
                dot[e] = meanD;
                if (dotError != null) {
                    dotError[e] = Math.sqrt(ssD / (m - 1) / m);
                }
            }
        }
    }
}
