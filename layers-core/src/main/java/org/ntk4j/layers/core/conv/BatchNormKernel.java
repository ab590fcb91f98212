package org.ntk4j.layers.core.conv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;
import org.ntk4j.layers.core.Gaussian;

/**
 * Infinite-width kernels of {@code φ(BN(z))} where, per channel, the pre-activations of the stacked
 * inputs are {@code z ~ N(0, K)} and each batch b is normalised on its own:
 * {@code y = (z − mean_b z) / sqrt(var_b z + eps)} (Yang et al. 2019).
 *
 * <p><b>NNGP within a batch, exactly</b>, when φ is absent or positively homogeneous of degree 1
 * (relu, leakyRelu, abRelu, abs, identity): then {@code φ(y) = φ(u)/σ} with {@code u = G z},
 * {@code G = I − 11ᵀ/B}, {@code σ² = |u|²/B + eps}, and by {@code 1/σ² = ∫₀^∞ e^{−sσ²} ds} and
 * Gaussian reweighting (the Laplace-transform route of GP4A)
 * <pre>  K'_ij = ∫₀^∞ e^{−s·eps} det(I + 2sC/B)^{−1/2} E_{N(0, C_s)}[φ(ũ_i) φ(ũ_j)] ds,
 *        C = G K G,  C_s = C (I + 2sC/B)^{−1},</pre>
 * where the inner expectation is φ's own Gaussian dual. With C = V Λ Vᵀ both factors are diagonal
 * in V; the integral runs over {@code x = log s} with the trapezoid rule (the integrand decays
 * exponentially in x at both ends, so the rule converges geometrically; h = 0.1 reaches ~1e-13).
 *
 * <p><b>Everything else by Monte Carlo</b> over {@code z}, with a seed and standard errors: the NNGP
 * between different batches or for other φ, and the NTK
 * {@code Θ'_ij = E[φ'(y_i) φ'(y_j) (J Θ Jᵀ)_ij]} with the normalisation Jacobian
 * {@code J = (1/σ)(G − y yᵀ/B)} per batch, applied in O(n²) per sample.
 */
final class BatchNormKernel {

    /** Trapezoid step in log s. */
    private static final double STEP = 0.1;
    /** Samples per parallel chunk (each chunk has its own seed drawn from the layer's seed). */
    private static final int CHUNK = 2048;

    private final String path;
    private final double eps;
    private final Activation activation;
    private final int samples;
    private final long seed;
    private final boolean homogeneous;

    /** {@code activation} may be null (batchNorm alone). */
    BatchNormKernel(String path, double eps, Activation activation, int samples, long seed) {
        this.path = path;
        this.eps = eps;
        this.activation = activation;
        this.samples = samples;
        this.seed = seed;
        this.homogeneous = activation == null || isPositivelyHomogeneous(activation.function());
    }

    /**
     * Kernels after the layer and what they cost.
     *
     * @param nngp          {@code n × n}
     * @param ntk           {@code n × n}, null when no NTK was asked for
     * @param nngpExact     true when every NNGP entry came from the exact integral
     * @param nngpStdErr    largest Monte Carlo standard error of an NNGP entry (0 when exact)
     * @param ntkStdErr     largest Monte Carlo standard error of an NTK entry
     * @param samplesUsed   Monte Carlo samples drawn (0 when none were needed)
     */
    record Result(double[] nngp, double[] ntk, boolean nngpExact, double nngpStdErr, double ntkStdErr,
                  int samplesUsed) {
    }

    /** True when φ(t·x) = t·φ(x) for t &gt; 0, probed on a grid (the relu family, abs, identity). */
    static boolean isPositivelyHomogeneous(ActivationFunction f) {
        double[] scales = {0.37, 2.0, 5.5};
        for (int k = -24; k <= 24; k++) {
            double x = k / 8.0;
            double fx = f.value(x);
            for (double t : scales) {
                double ftx = f.value(t * x);
                if (!(Math.abs(ftx - t * fx) <= 1e-12 * (1 + Math.abs(t * fx)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param k       the stacked NNGP {@code n × n} (row-major)
     * @param theta   the stacked NTK, or null
     * @param batchOf the batch of each row
     */
    Result compute(int n, double[] k, double[] theta, int[] batchOf) {
        int[][] groups = groups(batchOf);
        double[] nngp = new double[n * n];
        boolean[] exact = new boolean[n * n];
        if (homogeneous) {
            for (int[] g : groups) {
                exactBlock(n, k, g, nngp, exact);
            }
        }
        boolean needNngp = false;
        for (boolean e : exact) {
            needNngp |= !e;
        }
        if (!needNngp && theta == null) {
            return new Result(nngp, null, true, 0, 0, 0);
        }
        MonteCarlo mc = monteCarlo(n, k, theta, batchOf, groups);
        double nngpErr = 0;
        for (int i = 0; i < n * n; i++) {
            if (!exact[i]) {
                nngp[i] = mc.nngp[i];
                nngpErr = Math.max(nngpErr, mc.nngpErr[i]);
            }
        }
        double ntkErr = 0;
        if (theta != null) {
            for (double e : mc.ntkErr) {
                ntkErr = Math.max(ntkErr, e);
            }
        }
        return new Result(nngp, theta == null ? null : mc.ntk, !needNngp, nngpErr, ntkErr, samples);
    }

    private static int[][] groups(int[] batchOf) {
        int max = 0;
        for (int b : batchOf) {
            max = Math.max(max, b);
        }
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b <= max; b++) {
            int count = 0;
            for (int v : batchOf) {
                count += v == b ? 1 : 0;
            }
            int[] g = new int[count];
            int c = 0;
            for (int i = 0; i < batchOf.length; i++) {
                if (batchOf[i] == b) {
                    g[c++] = i;
                }
            }
            if (count > 0) {
                out.add(g);
            }
        }
        return out.toArray(new int[0][]);
    }

    /** The exact NNGP block of one batch (see the class comment). */
    private void exactBlock(int n, double[] k, int[] g, double[] nngp, boolean[] exact) {
        int b = g.length;
        // C = G Σ G: subtract row and column means of the batch block.
        double[] sigma = new double[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                sigma[i * b + j] = k[g[i] * n + g[j]];
            }
        }
        double[] c = centre(sigma, b);
        SymmetricEigen e = SymmetricEigen.of(c, b);
        double lmax = e.maxValue();
        double[] lam = new double[b];
        double lmin = Double.POSITIVE_INFINITY;
        int rank = 0;
        for (int r = 0; r < b; r++) {
            // The 1-direction is exactly null; anything at rounding level is treated as null too.
            lam[r] = e.values[r] > 1e-13 * lmax ? e.values[r] : 0.0;
            if (lam[r] > 0) {
                lmin = Math.min(lmin, lam[r]);
                rank++;
            }
        }
        double[] block = new double[b * b];
        if (rank > 0) {
            integrate(b, e.vectors, lam, lmax, lmin, rank, block);
        }
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                nngp[g[i] * n + g[j]] = block[i * b + j];
                exact[g[i] * n + g[j]] = true;
            }
        }
    }

    private void integrate(int b, double[] v, double[] lam, double lmax, double lmin, int rank, double[] out) {
        // Below x0 every factor is flat and the integrand ~ s² vanishes; above x1 it decays like
        // s^{-rank/2}, i.e. e^{-rank·x/2}: 80/rank more units take it below e^{-40}.
        double x0 = Math.log(b / (2 * lmax)) - 36;
        double x1 = Math.log(b / (2 * lmin)) + 80.0 / rank;
        if (eps > 0) {
            x1 = Math.min(x1, Math.log(40.0 / eps) + 1);
        }
        double[] cs = new double[b];
        double[] k11 = new double[b * b];
        double[] k22 = new double[b * b];
        double[] k12 = new double[b * b];
        double[] cov = new double[b * b];
        double[] cm = new double[b * b];
        for (double x = x0; x <= x1; x += STEP) {
            double s = Math.exp(x);
            double logDet = 0;
            for (int r = 0; r < b; r++) {
                double f = 1 + 2 * s * lam[r] / b;
                logDet += Math.log(f);
                cs[r] = lam[r] / f;
            }
            double weight = STEP * s * Math.exp(-s * eps - 0.5 * logDet);
            if (weight == 0) {
                continue;
            }
            for (int i = 0; i < b; i++) {
                for (int j = i; j < b; j++) {
                    double acc = 0;
                    for (int r = 0; r < b; r++) {
                        acc += v[i * b + r] * v[j * b + r] * cs[r];
                    }
                    cm[i * b + j] = acc;
                    cm[j * b + i] = acc;
                }
            }
            if (activation == null) {
                for (int i = 0; i < b * b; i++) {
                    out[i] += weight * cm[i];
                }
            } else {
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        k11[i * b + j] = cm[i * b + i];
                        k22[i * b + j] = cm[j * b + j];
                        k12[i * b + j] = cm[i * b + j];
                    }
                }
                activation.dual().compute(k11, k22, k12, b * b, cov, null);
                for (int i = 0; i < b * b; i++) {
                    out[i] += weight * cov[i];
                }
            }
        }
        // Both triangles from one formula, but the dual's argument order differs: make it exact.
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (out[i * b + j] + out[j * b + i]);
                out[i * b + j] = m;
                out[j * b + i] = m;
            }
        }
    }

    private static double[] centre(double[] s, int b) {
        double[] row = new double[b];
        double all = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                row[i] += s[i * b + j] / b;
            }
            all += row[i] / b;
        }
        double[] c = new double[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                // K is symmetric, so the column means equal the row means.
                c[i * b + j] = s[i * b + j] - row[i] - row[j] + all;
            }
        }
        return c;
    }

    /** Monte Carlo means and standard errors over z ~ N(0, K). */
    private record MonteCarlo(double[] nngp, double[] nngpErr, double[] ntk, double[] ntkErr) {
    }

    private MonteCarlo monteCarlo(int n, double[] k, double[] theta, int[] batchOf, int[][] groups) {
        // Only u = (z − batch means) matters, u ~ N(0, C) with C centred per batch: sample u in the
        // rank-R range of C, so that no direction of ξ is wasted on the batch means.
        double[] centred = centrePerBatch(n, k, batchOf, groups);
        SymmetricEigen e = SymmetricEigen.of(centred, n);
        double lmax = e.maxValue();
        int rank = 0;
        for (double v : e.values) {
            rank += v > 1e-13 * lmax ? 1 : 0;
        }
        int dim = Math.max(rank, 1);
        double[] root = new double[n * dim];
        int col = 0;
        for (int r = 0; r < n && rank > 0; r++) {
            if (e.values[r] > 1e-13 * lmax) {
                for (int i = 0; i < n; i++) {
                    root[i * dim + col] = e.vectors[i * n + r] * Math.sqrt(e.values[r]);
                }
                col++;
            }
        }
        // With eps = 0 the normalised y does not depend on the radius ρ = |ξ| (ξ ~ N(0, I_R)), and the
        // NTK carries 1/σ² ∝ 1/ρ²: integrate ρ out exactly, E[1/ρ²] = 1/(R − 2), and sample only the
        // direction. This turns an estimator of infinite variance (small batches) into a bounded one.
        boolean radial = eps == 0;
        double radialFactor = radial && rank > 2 ? 1.0 / (rank - 2) : 1.0;
        int chunks = (samples + CHUNK - 1) / CHUNK;
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[chunks];
        for (int c = 0; c < chunks; c++) {
            seeds[c] = master.nextLong();
        }
        boolean withNtk = theta != null;
        double[][] parts = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            int m = Math.min(CHUNK, samples - c * CHUNK);
            return chunk(n, dim, root, theta, groups, m, radial, radialFactor, new SplittableRandom(seeds[c]));
        }).toArray(double[][]::new);
        int len = (withNtk ? 4 : 2) * n * n;
        double[] sum = new double[len];
        for (double[] p : parts) {
            for (int i = 0; i < len; i++) {
                sum[i] += p[i];
            }
        }
        int nn = n * n;
        double[] mean = new double[nn];
        double[] err = new double[nn];
        moments(sum, 0, nn, mean, err);
        double[] tMean = null;
        double[] tErr = null;
        if (withNtk) {
            tMean = new double[nn];
            tErr = new double[nn];
            moments(sum, 2 * nn, nn, tMean, tErr);
        }
        if (withNtk && radial && rank <= 2) {
            // E[1/ρ²] diverges for R ≤ 2: the NTK is infinite unless the direction part vanishes
            // (as for a batch of two, where BN outputs ±1 whatever z is).
            for (double t : tMean) {
                if (Math.abs(t) > 1e-12 * (1 + Math.abs(theta[0]))) {
                    throw new org.ntk4j.api.SpecException(path, "with eps = 0 the infinite-width NTK diverges "
                            + "for batches whose centred covariance has rank " + rank + " (≤ 2): set eps > 0 or use larger batches");
                }
            }
            java.util.Arrays.fill(tMean, 0);
            java.util.Arrays.fill(tErr, 0);
        }
        return new MonteCarlo(mean, err, tMean, tErr);
    }

    private static double[] centrePerBatch(int n, double[] k, int[] batchOf, int[][] groups) {
        // rowMean[g][j] = mean over rows i of batch g of K[i, j]; K is symmetric.
        double[][] rowMean = new double[groups.length][n];
        int[] groupOf = new int[n];
        for (int g = 0; g < groups.length; g++) {
            for (int i : groups[g]) {
                groupOf[i] = g;
                for (int j = 0; j < n; j++) {
                    rowMean[g][j] += k[i * n + j] / groups[g].length;
                }
            }
        }
        double[][] blockMean = new double[groups.length][groups.length];
        for (int g = 0; g < groups.length; g++) {
            for (int h = 0; h < groups.length; h++) {
                for (int j : groups[h]) {
                    blockMean[g][h] += rowMean[g][j] / groups[h].length;
                }
            }
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int g = groupOf[i];
                int h = groupOf[j];
                c[i * n + j] = k[i * n + j] - rowMean[g][j] - rowMean[h][i] + blockMean[g][h];
            }
        }
        return c;
    }

    private void moments(double[] sum, int off, int nn, double[] mean, double[] err) {
        for (int i = 0; i < nn; i++) {
            double m = sum[off + i] / samples;
            double var = Math.max(0, sum[off + nn + i] / samples - m * m);
            mean[i] = m;
            err[i] = Math.sqrt(var / Math.max(1, samples - 1));
        }
    }

    /** Sums over m samples: [Σ a aᵀ, Σ (a aᵀ)², Σ T, Σ T²] with T the NTK sample. */
    private double[] chunk(int n, int dim, double[] root, double[] theta, int[][] groups, int m, boolean radial,
                           double radialFactor, SplittableRandom rng) {
        int nn = n * n;
        boolean withNtk = theta != null;
        double[] acc = new double[(withNtk ? 4 : 2) * nn];
        double[] xi = new double[dim];
        double[] z = new double[n];
        double[] y = new double[n];
        double[] a = new double[n];
        double[] d = new double[n];
        double[] inv = new double[groups.length];
        double[] r = withNtk ? new double[nn] : null;
        double[] colMean = new double[n];
        double[] colY = new double[n];
        ActivationFunction f = activation == null ? null : activation.function();
        for (int sample = 0; sample < m; sample++) {
            Gaussian.fill(xi, 1.0, rng);
            if (radial) {
                double norm = 0;
                for (double v : xi) {
                    norm += v * v;
                }
                norm = 1 / Math.sqrt(norm);
                for (int q = 0; q < dim; q++) {
                    xi[q] *= norm;
                }
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int q = 0; q < dim; q++) {
                    s += root[i * dim + q] * xi[q];
                }
                z[i] = s;
            }
            for (int gi = 0; gi < groups.length; gi++) {
                int[] g = groups[gi];
                double mu = 0;
                for (int i : g) {
                    mu += z[i];
                }
                mu /= g.length;
                double var = 0;
                for (int i : g) {
                    var += (z[i] - mu) * (z[i] - mu);
                }
                double sd = Math.sqrt(var / g.length + eps);
                inv[gi] = sd > 0 ? 1 / sd : 0;
                for (int i : g) {
                    y[i] = (z[i] - mu) * inv[gi];
                }
            }
            for (int i = 0; i < n; i++) {
                a[i] = f == null ? y[i] : f.value(y[i]);
                d[i] = f == null ? 1 : f.derivative(y[i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = a[i] * a[j];
                    acc[i * n + j] += v;
                    acc[nn + i * n + j] += v * v;
                }
            }
            if (withNtk) {
                // R = J Θ: rows of each batch lose their batch mean and their y-component.
                for (int gi = 0; gi < groups.length; gi++) {
                    int[] g = groups[gi];
                    java.util.Arrays.fill(colMean, 0);
                    java.util.Arrays.fill(colY, 0);
                    for (int kk : g) {
                        for (int j = 0; j < n; j++) {
                            colMean[j] += theta[kk * n + j];
                            colY[j] += y[kk] * theta[kk * n + j];
                        }
                    }
                    for (int i : g) {
                        for (int j = 0; j < n; j++) {
                            r[i * n + j] = inv[gi] * (theta[i * n + j] - colMean[j] / g.length - y[i] * colY[j] / g.length);
                        }
                    }
                }
                // M = R Jᵀ, then the activation's derivatives on both sides.
                for (int i = 0; i < n; i++) {
                    for (int gi = 0; gi < groups.length; gi++) {
                        int[] g = groups[gi];
                        double rm = 0;
                        double ry = 0;
                        for (int kk : g) {
                            rm += r[i * n + kk];
                            ry += y[kk] * r[i * n + kk];
                        }
                        rm /= g.length;
                        ry /= g.length;
                        for (int j : g) {
                            double t = radialFactor * d[i] * d[j] * inv[gi] * (r[i * n + j] - rm - y[j] * ry);
                            acc[2 * nn + i * n + j] += t;
                            acc[3 * nn + i * n + j] += t * t;
                        }
                    }
                }
            }
        }
        return acc;
    }
}
