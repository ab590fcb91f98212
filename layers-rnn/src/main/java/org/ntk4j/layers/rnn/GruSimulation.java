package org.ntk4j.layers.rnn;

import java.util.Arrays;

/**
 * One Monte Carlo run of the infinite-width gru on one or two sequences: {@code m} independent
 * samples of a single unit. In the limit the gate pre-activations {@code a^z, a^r, a^h} of a unit,
 * over all (sequence, present step) nodes, are jointly Gaussian, independent across gates, with
 * <pre>
 *   cov(a^z_v, a^z_u) = cov(a^r_v, a^r_u) = wStd² E[h_{v−1} h_{u−1}] + uStd² K^x_{vu} + bStd²
 *   cov(a^h_v, a^h_u) = wStd² E[(r h_{−1})_v (r h_{−1})_u] + uStd² K^x_{vu} + bStd²
 * </pre>
 * and a node's state is {@code h_v = (1 − σ(a^z_v)) h_{v−1} + σ(a^z_v) tanh(a^h_v)}. The covariances of a
 * step depend on expectations over earlier steps, so the nodes are sampled in order, each conditioned
 * on all earlier ones through a growing Cholesky factor, with the expectations taken over the samples.
 *
 * <p>The NTK uses tangent Gaussians ξ^g (one per gate, independent of the forward samples), whose
 * covariance is the gate pre-activations' NTK:
 * <pre>
 *   Θ(a^z) = Θ(a^r) = cW E[h h'] + cU K^x + cB + uStd² Θ^x + wStd² E[δh_{−1} δh'_{−1}]
 *   Θ(a^h)          = cW E[(rh)(rh)'] + cU K^x + cB + uStd² Θ^x + wStd² E[δ(rh) δ(rh)'],
 *   δ(rh) = h_{−1} σ'(a^r) ξ^r + r δh_{−1},   δh = (1 − z) δh_{−1} + (tanh(a^h) − h_{−1}) σ'(a^z) ξ^z + z tanh'(a^h) ξ^h
 * </pre>
 * so that {@code E[δh_v δh'_u]} is the state NTK (the unit's own chain rule, with the contributions
 * through other units already in the gate NTKs: the Tensor Programs gradient-independence rule).
 */
final class GruSimulation {
    /** Gaussian families drawn per node: forward z, r, h and tangent z, r, h. */
    static final int FAMILIES = 6;

    private final int m;
    private final WeightScales scales;
    private final int inputChannels;
    private final IncrementalCholesky zr;
    private final IncrementalCholesky hh;
    private final IncrementalCholesky tzr;
    private final IncrementalCholesky th;
    final double[][] h;
    final double[][] dh;
    private final double[][] rh;
    private final double[][] drh;
    private final double[][] gramH;
    private final double[][] gramDh;
    private final double[] c;
    private final double[] az;
    private final double[] ar;
    private final double[] ah;
    private final double[] xz;
    private final double[] xr;
    private final double[] xh;
    private final double[] zero;

    GruSimulation(int samples, int capacity, WeightScales scales, int inputChannels, boolean withNtk) {
        this.m = samples;
        this.scales = scales;
        this.inputChannels = inputChannels;
        zr = new IncrementalCholesky(capacity);
        hh = new IncrementalCholesky(capacity);
        tzr = new IncrementalCholesky(capacity);
        th = new IncrementalCholesky(capacity);
        h = new double[capacity][m];
        rh = new double[capacity][m];
        dh = withNtk ? new double[capacity][m] : null;
        drh = withNtk ? new double[capacity][m] : null;
        gramH = new double[capacity][capacity];
        gramDh = new double[capacity][capacity];
        c = new double[capacity];
        az = new double[m];
        ar = new double[m];
        ah = new double[m];
        xz = new double[m];
        xr = new double[m];
        xh = new double[m];
        zero = new double[m];
    }

    /**
     * Runs the nodes {@code 0..count-1} in order. {@code prev[v]} is the node of the previous present
     * step of v's sequence (−1 at its first); {@code kx}, {@code tx} the input kernel and (completed) input
     * NTK between nodes (tx null: NNGP only); {@code normals[f][v]} the standard normals of family f at node v.
     */
    void run(int count, int[] prev, double[][] kx, double[][] tx, double[][][] normals) {
        boolean ntk = tx != null;
        zr.reset();
        hh.reset();
        tzr.reset();
        th.reset();
        for (double[] r : gramH) {
            Arrays.fill(r, 0, count, Double.NaN);
        }
        for (double[] r : gramDh) {
            Arrays.fill(r, 0, count, Double.NaN);
        }
        double w2 = scales.w2();
        double u2 = scales.u2();
        double b2 = scales.b2();
        double cW = scales.ntkW();
        double cU = scales.ntkU(inputChannels);
        double cB = scales.ntkB();
        for (int v = 0; v < count; v++) {
            int p = prev[v];
            double[] hp = p < 0 ? zero : h[p];
            for (int u = 0; u <= v; u++) {
                c[u] = w2 * gram(gramH, h, p, prev[u]) + u2 * kx[v][u] + b2;
            }
            double[] row = zr.append(c);
            combine(row, normals[0], v, az);
            combine(row, normals[1], v, ar);
            double[] rhv = rh[v];
            for (int s = 0; s < m; s++) {
                ar[s] = sigmoid(ar[s]);
                az[s] = sigmoid(az[s]);
                rhv[s] = ar[s] * hp[s];
            }
            for (int u = 0; u <= v; u++) {
                c[u] = w2 * mean(rhv, rh[u]) + u2 * kx[v][u] + b2;
            }
            combine(hh.append(c), normals[2], v, ah);
            double[] hv = h[v];
            for (int s = 0; s < m; s++) {
                ah[s] = Math.tanh(ah[s]);
                hv[s] = (1 - az[s]) * hp[s] + az[s] * ah[s];
            }
            if (ntk) {
                double[] dhp = p < 0 ? zero : dh[p];
                for (int u = 0; u <= v; u++) {
                    c[u] = cW * gram(gramH, h, p, prev[u]) + cU * kx[v][u] + cB + u2 * tx[v][u]
                            + w2 * gram(gramDh, dh, p, prev[u]);
                }
                row = tzr.append(c);
                combine(row, normals[3], v, xz);
                combine(row, normals[4], v, xr);
                double[] drhv = drh[v];
                for (int s = 0; s < m; s++) {
                    drhv[s] = hp[s] * ar[s] * (1 - ar[s]) * xr[s] + ar[s] * dhp[s];
                }
                for (int u = 0; u <= v; u++) {
                    c[u] = cW * mean(rhv, rh[u]) + cU * kx[v][u] + cB + u2 * tx[v][u] + w2 * mean(drhv, drh[u]);
                }
                combine(th.append(c), normals[5], v, xh);
                double[] dhv = dh[v];
                for (int s = 0; s < m; s++) {
                    double z = az[s];
                    dhv[s] = (1 - z) * dhp[s] + (ah[s] - hp[s]) * z * (1 - z) * xz[s]
                            + z * (1 - ah[s] * ah[s]) * xh[s];
                }
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** {@code out = Σ_k row[k] ζ_k}: the new component from the standard normals of nodes 0..v. */
    private void combine(double[] row, double[][] normals, int v, double[] out) {
        Arrays.fill(out, 0);
        for (int k = 0; k <= v; k++) {
            double l = row[k];
            if (l == 0) {
                continue;
            }
            double[] z = normals[k];
            for (int s = 0; s < m; s++) {
                out[s] += l * z[s];
            }
        }
    }

    /** E[x_p x_q] over the samples, memoised (0 when either is h_0 = 0). */
    private double gram(double[][] memo, double[][] x, int p, int q) {
        if (p < 0 || q < 0) {
            return 0;
        }
        double g = memo[p][q];
        if (Double.isNaN(g)) {
            g = mean(x[p], x[q]);
            memo[p][q] = g;
            memo[q][p] = g;
        }
        return g;
    }

    double mean(double[] a, double[] b) {
        // Four partial sums: independent chains let the JIT pipeline the multiply-adds.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int s = 0;
        for (; s + 3 < m; s += 4) {
            s0 += a[s] * b[s];
            s1 += a[s + 1] * b[s + 1];
            s2 += a[s + 2] * b[s + 2];
            s3 += a[s + 3] * b[s + 3];
        }
        for (; s < m; s++) {
            s0 += a[s] * b[s];
        }
        return ((s0 + s1) + (s2 + s3)) / m;
    }
}
