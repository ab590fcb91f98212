package org.ntk4j.layers.rnn;

import java.util.SplittableRandom;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;

/**
 * The infinite-width rule of {@code gru} by Monte Carlo ({@link GruSimulation}): every pair of
 * sequences (and every sequence with itself, for the variances) is simulated on its own, over
 * {@value #GROUPS} independent groups of samples whose spread gives the standard error. All pairs and
 * tiles use the same standard normals (common random numbers, a function of the seed only), so the
 * result does not depend on tiling or thread count and nearby inputs get nearby errors.
 */
final class GruKernel {
    static final int GROUPS = 4;

    private final WeightScales scales;
    private final OutputMode output;
    private final int perGroup;
    private final long seed;
    private final MonteCarloError.Accumulator errors;

    GruKernel(WeightScales scales, OutputMode output, int samples, long seed, MonteCarloError.Accumulator errors) {
        this.scales = scales;
        this.output = output;
        this.perGroup = Math.max(1, samples / GROUPS);
        this.seed = seed;
        this.errors = errors;
    }

    /** One or two sequences of the state, as nodes in sampling order (by present step, then sequence). */
    private static final class Nodes {
        final int count;
        final int[] seq;
        final int[] step;
        final int[] prev;
        final int[][] nodeOf;

        Nodes(PresentSteps[] seqs) {
            int total = 0;
            int longest = 0;
            for (PresentSteps s : seqs) {
                total += s.count();
                longest = Math.max(longest, s.count());
            }
            count = total;
            seq = new int[total];
            step = new int[total];
            prev = new int[total];
            nodeOf = new int[seqs.length][];
            for (int k = 0; k < seqs.length; k++) {
                nodeOf[k] = new int[seqs[k].count()];
            }
            int v = 0;
            for (int a = 0; a < longest; a++) {
                for (int k = 0; k < seqs.length; k++) {
                    if (a < seqs[k].count()) {
                        seq[v] = k;
                        step[v] = a;
                        prev[v] = a == 0 ? -1 : nodeOf[k][a - 1];
                        nodeOf[k][a] = v++;
                    }
                }
            }
        }
    }

    KernelState apply(KernelState in) {
        if (in.mode() != Positions.FULL || in.spatial().length != 1) {
            throw new IllegalStateException("gru needs a sequence state with all pairs of steps, found " + in);
        }
        int steps = in.positions();
        int e = steps * steps;
        boolean ntk = in.hasNtk();
        PresentSteps[] rows = PresentSteps.ofAll(in.masks1(), in.n1(), steps);
        PresentSteps[] cols = PresentSteps.ofAll(in.masks2(), in.n2(), steps);
        double[][][][] normals = normals(2 * steps);
        GruSimulation sim = new GruSimulation(perGroup, 2 * steps, scales, in.channels(), ntk);
        // "sequence" keeps T×T blocks; "last" and "mean" one entry per pair, written straight to a vector state.
        boolean blocks = output == OutputMode.SEQUENCE;
        KernelState out = blocks
                ? in.reshaped(new int[]{steps}, Positions.FULL, scales.width(), in.masks1(), in.masks2())
                : in.reshaped(new int[0], Positions.NONE, scales.width(), null, null);
        int stride = blocks ? e : 1;
        int n2 = in.n2();
        for (int i = 0; i < in.n1(); i++) {
            for (int j = 0; j < n2; j++) {
                int pair = i * n2 + j;
                simulate(sim, normals, new PresentSteps[]{rows[i], cols[j]}, in.cross(), pair * e, in.self1(), i * e,
                        in.self2(), j * e, ntk ? in.ntk() : null, out.cross(), out.ntk(), pair * stride, steps, true);
            }
        }
        for (int i = 0; i < in.n1(); i++) {
            simulate(sim, normals, new PresentSteps[]{rows[i]}, null, 0, in.self1(), i * e, null, 0, null,
                    out.self1(), null, i * stride, steps, false);
        }
        for (int j = 0; j < n2; j++) {
            simulate(sim, normals, new PresentSteps[]{cols[j]}, null, 0, in.self2(), j * e, null, 0, null,
                    out.self2(), null, j * stride, steps, false);
        }
        if (blocks) {
            StepBlocks.carryOver(out.cross(), out.ntk(), new StepBlocks.Pairs(in.n1(), n2, false), rows, cols, steps);
            StepBlocks.carryOver(out.self1(), null, StepBlocks.Pairs.self(in.n1()), rows, rows, steps);
            StepBlocks.carryOver(out.self2(), null, StepBlocks.Pairs.self(n2), cols, cols, steps);
        }
        return out;
    }

    /** Standard normals {@code [group][family][node][sample]}, the same for every pair (common random numbers). */
    private double[][][][] normals(int nodes) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][][] z = new double[GROUPS][GruSimulation.FAMILIES][nodes][perGroup];
        for (double[][][] g : z) {
            for (double[][] f : g) {
                for (double[] v : f) {
                    Normals.fill(v, 1, rng);
                }
                matchMoments(f);
            }
        }
        return z;
    }

    /**
     * Makes the sampled normals of one family exactly centred and orthonormal across nodes (modified
     * Gram–Schmidt against the constant, norms √m): every Gaussian the simulation draws then has exactly
     * its prescribed sample covariance, which removes the second-moment part of the sampling noise.
     */
    private static void matchMoments(double[][] f) {
        int m = f[0].length;
        if (m <= f.length + 1) {
            return;
        }
        for (int k = 0; k < f.length; k++) {
            double[] v = f[k];
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= m;
            for (int s = 0; s < m; s++) {
                v[s] -= mean;
            }
            for (int j = 0; j < k; j++) {
                double[] u = f[j];
                double dot = 0;
                for (int s = 0; s < m; s++) {
                    dot += u[s] * v[s];
                }
                dot /= m;
                for (int s = 0; s < m; s++) {
                    v[s] -= dot * u[s];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            double scale = Math.sqrt(m / norm);
            for (int s = 0; s < m; s++) {
                v[s] *= scale;
            }
        }
    }

    /**
     * Simulates one pair (or one sequence with itself) over all groups and writes the mean of each
     * output entry into {@code outK}/{@code outT} at {@code outBase} (the pair's T×T block for "sequence",
     * its single entry otherwise), recording standard errors for cross entries.
     */
    private void simulate(GruSimulation sim, double[][][][] normals, PresentSteps[] seqs, double[] cross, int crossBase,
                          double[] self0, int base0, double[] self1, int base1, double[] inNtk, double[] outK,
                          double[] outT, int outBase, int steps, boolean isCross) {
        Nodes nodes = new Nodes(seqs);
        double[][] kx = new double[nodes.count][nodes.count];
        for (int v = 0; v < nodes.count; v++) {
            for (int u = 0; u < nodes.count; u++) {
                kx[v][u] = between(nodes, v, u, seqs, cross, crossBase, self0, base0, self1, base1, steps);
            }
        }
        double[][] tx = inNtk == null ? null : completedInputNtk(nodes, seqs, inNtk, crossBase, steps);
        int other = seqs.length - 1;
        int la = seqs[0].count();
        int lb = seqs[other].count();
        int entries = output == OutputMode.SEQUENCE ? la * lb : 1;
        double[] sumK = new double[entries];
        double[] sumK2 = new double[entries];
        double[] sumT = new double[entries];
        double[] sumT2 = new double[entries];
        for (int g = 0; g < GROUPS; g++) {
            sim.run(nodes.count, nodes.prev, kx, tx, normals[g]);
            double[] k = expectations(sim, sim.h, nodes, other, entries);
            accumulate(k, sumK, sumK2);
            if (tx != null) {
                accumulate(expectations(sim, sim.dh, nodes, other, entries), sumT, sumT2);
            }
        }
        for (int q = 0; q < entries; q++) {
            int at = outBase;
            if (output == OutputMode.SEQUENCE) {
                at += seqs[0].time(q / lb) * steps + seqs[other].time(q % lb);
            }
            double meanK = sumK[q] / GROUPS;
            outK[at] = meanK;
            if (isCross) {
                errors.add(meanK, stdErr(sumK[q], sumK2[q]), false);
            }
            if (tx != null) {
                double meanT = sumT[q] / GROUPS;
                outT[at] = meanT;
                errors.add(meanT, stdErr(sumT[q], sumT2[q]), true);
            }
        }
    }

    private static void accumulate(double[] v, double[] sum, double[] sum2) {
        for (int q = 0; q < v.length; q++) {
            sum[q] += v[q];
            sum2[q] += v[q] * v[q];
        }
    }

    /** Standard error of the mean of the {@value #GROUPS} group estimates. */
    private static double stdErr(double sum, double sum2) {
        double mean = sum / GROUPS;
        double var = Math.max(0, (sum2 - GROUPS * mean * mean) / (GROUPS - 1));
        return Math.sqrt(var / GROUPS);
    }

    /** The output expectations of one group: {@code E[x_a x'_b]} for the output's nodes of the two sequences. */
    private double[] expectations(GruSimulation sim, double[][] x, Nodes nodes, int other, int entries) {
        int la = nodes.nodeOf[0].length;
        int lb = nodes.nodeOf[other].length;
        double[] r = new double[entries];
        switch (output) {
            case LAST -> r[0] = sim.mean(x[nodes.nodeOf[0][la - 1]], x[nodes.nodeOf[other][lb - 1]]);
            case MEAN -> r[0] = sim.mean(average(x, nodes.nodeOf[0]), average(x, nodes.nodeOf[other]));
            case SEQUENCE -> {
                for (int a = 0; a < la; a++) {
                    for (int b = 0; b < lb; b++) {
                        r[a * lb + b] = sim.mean(x[nodes.nodeOf[0][a]], x[nodes.nodeOf[other][b]]);
                    }
                }
            }
        }
        return r;
    }

    private static double[] average(double[][] x, int[] nodes) {
        double[] avg = new double[x[nodes[0]].length];
        for (int v : nodes) {
            for (int s = 0; s < avg.length; s++) {
                avg[s] += x[v][s];
            }
        }
        for (int s = 0; s < avg.length; s++) {
            avg[s] /= nodes.length;
        }
        return avg;
    }

    /** Input kernel between nodes v and u, from the self block of their sequence or the pair's cross block. */
    private static double between(Nodes nodes, int v, int u, PresentSteps[] seqs, double[] cross, int crossBase,
                                  double[] self0, int base0, double[] self1, int base1, int steps) {
        int sv = nodes.seq[v];
        int su = nodes.seq[u];
        int tv = seqs[sv].time(nodes.step[v]);
        int tu = seqs[su].time(nodes.step[u]);
        if (sv == su) {
            return sv == 0 ? self0[base0 + tv * steps + tu] : self1[base1 + tv * steps + tu];
        }
        return sv == 0 ? cross[crossBase + tv * steps + tu] : cross[crossBase + tu * steps + tv];
    }

    /** The input NTK between nodes: the cross block from the state, the PSD completion within each sequence. */
    private static double[][] completedInputNtk(Nodes nodes, PresentSteps[] seqs, double[] ntk, int base, int steps) {
        int la = seqs[0].count();
        int lb = seqs[1].count();
        double[][] x = new double[la][lb];
        boolean any = false;
        for (int a = 0; a < la; a++) {
            for (int b = 0; b < lb; b++) {
                x[a][b] = ntk[base + seqs[0].time(a) * steps + seqs[1].time(b)];
                any |= x[a][b] != 0;
            }
        }
        double[][] t = new double[nodes.count][nodes.count];
        if (!any) {
            return t;
        }
        double[][] left = PsdCompletion.leftBlock(x);
        double[][] right = PsdCompletion.rightBlock(x);
        for (int v = 0; v < nodes.count; v++) {
            for (int u = 0; u < nodes.count; u++) {
                int a = nodes.step[v];
                int b = nodes.step[u];
                t[v][u] = switch (nodes.seq[v] * 2 + nodes.seq[u]) {
                    case 0 -> left[a][b];
                    case 1 -> x[a][b];
                    case 2 -> x[b][a];
                    default -> right[a][b];
                };
            }
        }
        return t;
    }
}
