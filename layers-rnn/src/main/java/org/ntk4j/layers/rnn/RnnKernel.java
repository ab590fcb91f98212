package org.ntk4j.layers.rnn;

import org.ntk4j.api.DualActivation;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;

/**
 * The infinite-width rule of {@code rnn}. Over present steps a (of x) and b (of x'), the
 * pre-activations {@code g} are jointly Gaussian with
 * <pre>
 *   Σ_{a,b} = wStd² K^h_{a−1,b−1} + uStd² K^x_{a,b} + bStd²,   K^h_{a,b} = E[φ(g_a) φ(g'_b)]   (K^h_{−1,·} = 0: h_0 = 0)
 * </pre>
 * and, by the Tensor Programs rule for weights shared across time (only pairs of uses at equal
 * distance from an output survive the limit, other pairs of backward paths are asymptotically
 * orthogonal), the NTK of the pre-activations
 * <pre>
 *   Θ^g_{a,b} = cW K^h_{a−1,b−1} + cU K^x_{a,b} + cB + uStd² Θ^x_{a,b} + wStd² Θ^h_{a−1,b−1},   Θ^h_{a,b} = E[φ'φ'] Θ^g_{a,b}
 * </pre>
 * ({@link WeightScales} gives cW, cU, cB). Entry (a, b) needs only (a−1, b−1): the recursion runs
 * along diagonals. For {@code output: "last"} only the one diagonal ending at both last present
 * steps matters, so a pair of sequences costs O(T) (plus the self variances, O(T) per sequence);
 * "mean" and "sequence" need every pair of steps, O(T²).
 */
final class RnnKernel {
    private final DualActivation dual;
    private final WeightScales scales;
    private final OutputMode output;

    RnnKernel(DualActivation dual, WeightScales scales, OutputMode output) {
        this.dual = dual;
        this.scales = scales;
        this.output = output;
    }

    KernelState apply(KernelState in) {
        if (in.mode() != Positions.FULL || in.spatial().length != 1) {
            throw new IllegalStateException("rnn needs a sequence state with all pairs of steps, found " + in);
        }
        int steps = in.positions();
        boolean ntk = in.hasNtk();
        PresentSteps[] rows = PresentSteps.ofAll(in.masks1(), in.n1(), steps);
        PresentSteps[] cols = PresentSteps.ofAll(in.masks2(), in.n2(), steps);
        DualQueue queue = new DualQueue(dual, ntk);
        SelfChain self1 = selfChain(queue, in.self1(), rows, steps);
        SelfChain self2 = selfChain(queue, in.self2(), cols, steps);
        if (output == OutputMode.LAST) {
            return last(in, queue, rows, cols, self1, self2);
        }
        KernelState seq = in.reshaped(new int[]{steps}, Positions.FULL, scales.width(), in.masks1(), in.masks2());
        StepBlocks.Pairs crossPairs = new StepBlocks.Pairs(in.n1(), in.n2(), false);
        blocks(queue, crossPairs, rows, cols, self1.pre, self2.pre, in.cross(), ntk ? in.ntk() : null,
                seq.cross(), ntk ? seq.ntk() : null, steps, in.channels());
        blocks(queue, StepBlocks.Pairs.self(in.n1()), rows, rows, self1.pre, self1.pre, in.self1(), null, seq.self1(), null, steps,
                in.channels());
        blocks(queue, StepBlocks.Pairs.self(in.n2()), cols, cols, self2.pre, self2.pre, in.self2(), null, seq.self2(), null, steps,
                in.channels());
        StepBlocks.carryOver(seq.cross(), seq.ntk(), crossPairs, rows, cols, steps);
        StepBlocks.carryOver(seq.self1(), null, StepBlocks.Pairs.self(in.n1()), rows, rows, steps);
        StepBlocks.carryOver(seq.self2(), null, StepBlocks.Pairs.self(in.n2()), cols, cols, steps);
        return output == OutputMode.SEQUENCE ? seq : mean(seq, rows, cols, steps);
    }

    /** Pre-activation variances Σ_{a,a} and state variances K^h_{a,a} of each sequence, {@code [i * T + a]}. */
    private record SelfChain(double[] pre, double[] post) {
    }

    private SelfChain selfChain(DualQueue q, double[] inSelf, PresentSteps[] seqs, int steps) {
        int n = seqs.length;
        double[] pre = new double[n * steps];
        double[] post = new double[n * steps];
        int longest = StepBlocks.longest(seqs);
        int e = steps * steps;
        q.target(post, null);
        for (int a = 0; a < longest; a++) {
            for (int i = 0; i < n; i++) {
                if (a >= seqs[i].count()) {
                    continue;
                }
                int t = seqs[i].time(a);
                double prev = a == 0 ? 0 : post[i * steps + a - 1];
                double v = scales.w2() * prev + scales.u2() * inSelf[i * e + t * steps + t] + scales.b2();
                pre[i * steps + a] = v;
                q.add(v, v, v, 0, i * steps + a);
            }
            q.flush();
        }
        return new SelfChain(pre, post);
    }

    /** "last": one diagonal per pair, aligned so that it ends at both sequences' last present steps. */
    private KernelState last(KernelState in, DualQueue q, PresentSteps[] rows, PresentSteps[] cols,
                             SelfChain self1, SelfChain self2) {
        int n1 = in.n1();
        int n2 = in.n2();
        int steps = in.positions();
        int e = steps * steps;
        KernelState out = in.reshaped(new int[0], Positions.NONE, scales.width(), null, null);
        double[] kh = out.cross();
        double[] th = out.ntk();
        double[] kx = in.cross();
        double[] tx = in.ntk();
        double w2 = scales.w2();
        double u2 = scales.u2();
        double b2 = scales.b2();
        double cW = scales.ntkW();
        double cU = scales.ntkU(in.channels());
        double cB = scales.ntkB();
        int longest = Math.min(StepBlocks.longest(rows), StepBlocks.longest(cols));
        q.target(kh, th);
        for (int r = 0; r < longest; r++) {
            for (int i = 0; i < n1; i++) {
                int li = rows[i].count();
                for (int j = 0; j < n2; j++) {
                    int lj = cols[j].count();
                    int m = Math.min(li, lj);
                    if (r >= m) {
                        continue;
                    }
                    // At r = 0 one of the two sequences is at its first present step: its h_{−1} = 0.
                    int a = li - m + r;
                    int b = lj - m + r;
                    int pair = i * n2 + j;
                    int at = pair * e + rows[i].time(a) * steps + cols[j].time(b);
                    double prevK = r == 0 ? 0 : kh[pair];
                    double k12 = w2 * prevK + u2 * kx[at] + b2;
                    double pre = 0;
                    if (th != null) {
                        double prevT = r == 0 ? 0 : th[pair];
                        pre = cW * prevK + cU * kx[at] + cB + u2 * (tx == null ? 0 : tx[at]) + w2 * prevT;
                    }
                    q.add(self1.pre[i * steps + a], self2.pre[j * steps + b], k12, pre, pair);
                }
            }
            q.flush();
        }
        for (int i = 0; i < n1; i++) {
            out.self1()[i] = self1.post[i * steps + rows[i].count() - 1];
        }
        for (int j = 0; j < n2; j++) {
            out.self2()[j] = self2.post[j * steps + cols[j].count() - 1];
        }
        return out;
    }

    /**
     * Every pair of present steps of every pair, written at the steps' time positions of the T×T
     * blocks; row a of all blocks is computed before row a + 1 (it reads row a − 1 only).
     */
    private void blocks(DualQueue q, StepBlocks.Pairs pairs, PresentSteps[] rows, PresentSteps[] cols, double[] preRow,
                        double[] preCol, double[] kx, double[] tx, double[] kh, double[] th, int steps,
                        int channels) {
        int e = steps * steps;
        double w2 = scales.w2();
        double u2 = scales.u2();
        double b2 = scales.b2();
        double cW = scales.ntkW();
        double cU = scales.ntkU(channels);
        double cB = scales.ntkB();
        int longest = StepBlocks.longest(rows);
        q.target(kh, th);
        for (int a = 0; a < longest; a++) {
            for (int p = 0; p < pairs.count(); p++) {
                PresentSteps r = rows[pairs.row(p)];
                PresentSteps c = cols[pairs.col(p)];
                if (a >= r.count()) {
                    continue;
                }
                int base = p * e;
                int s = r.time(a);
                int prevRow = a == 0 ? -1 : r.time(a - 1) * steps;
                for (int b = 0; b < c.count(); b++) {
                    int t = c.time(b);
                    int at = base + s * steps + t;
                    int prevAt = prevRow < 0 || b == 0 ? -1 : base + prevRow + c.time(b - 1);
                    double prevK = prevAt < 0 ? 0 : kh[prevAt];
                    double k12 = w2 * prevK + u2 * kx[at] + b2;
                    double pre = 0;
                    if (th != null) {
                        double prevT = prevAt < 0 ? 0 : th[prevAt];
                        pre = cW * prevK + cU * kx[at] + cB + u2 * (tx == null ? 0 : tx[at]) + w2 * prevT;
                    }
                    q.add(preRow[pairs.row(p) * steps + a], preCol[pairs.col(p) * steps + b], k12, pre, at);
                }
            }
            q.flush();
        }
    }

    /** "mean": the output is the mean of the states over present steps, so its kernels average the blocks. */
    private KernelState mean(KernelState seq, PresentSteps[] rows, PresentSteps[] cols, int steps) {
        KernelState out = seq.reshaped(new int[0], Positions.NONE, scales.width(), null, null);
        StepBlocks.Pairs cross = new StepBlocks.Pairs(seq.n1(), seq.n2(), false);
        StepBlocks.average(seq.cross(), out.cross(), cross, rows, cols, steps);
        if (out.ntk() != null) {
            StepBlocks.average(seq.ntk(), out.ntk(), cross, rows, cols, steps);
        }
        StepBlocks.average(seq.self1(), out.self1(), StepBlocks.Pairs.self(seq.n1()), rows, rows, steps);
        StepBlocks.average(seq.self2(), out.self2(), StepBlocks.Pairs.self(seq.n2()), cols, cols, steps);
        return out;
    }
}
