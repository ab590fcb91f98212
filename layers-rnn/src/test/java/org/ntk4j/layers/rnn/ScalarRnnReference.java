package org.ntk4j.layers.rnn;

import java.util.HashMap;
import java.util.Map;
import org.ntk4j.api.DualActivation;

/**
 * An independent, deliberately plain implementation of the rnn kernels for one pair of sequences:
 * the recursion written top-down as in the formulas (memoised), over nodes (sequence, present step),
 * one dual evaluation at a time. Used only to check {@link RnnKernel}.
 *
 * <p>Σ(u,v) = w² Kh(u−1,v−1) + u² Kx(u,v) + b²; Kh(u,v) = E[φφ] under Σ(u,u), Σ(v,v), Σ(u,v);
 * Θ(u,v) = E[φ'φ'] (Σ(u,v) + u² Θx(u,v) + w² Θ(u−1,v−1)) (ntk parameterization).
 */
final class ScalarRnnReference {
    private final DualActivation dual;
    private final double w2;
    private final double u2;
    private final double b2;
    private final double[][][] seqs;
    private final boolean[][] masks;
    private final double ntkScale;
    private final Map<Long, double[]> memo = new HashMap<>();

    /** {@code seqs[0]} is x, {@code seqs[1]} is x'; the input NTK is {@code ntkScale · Kx}. */
    ScalarRnnReference(DualActivation dual, double wStd, double uStd, double bStd, double[][] x, boolean[] mx,
                       double[][] y, boolean[] my, double ntkScale) {
        this.dual = dual;
        this.w2 = wStd * wStd;
        this.u2 = uStd * uStd;
        this.b2 = bStd * bStd;
        this.seqs = new double[][][]{x, y};
        this.masks = new boolean[][]{mx, my};
        this.ntkScale = ntkScale;
    }

    private int[] present(int s) {
        return java.util.stream.IntStream.range(0, seqs[s].length)
                .filter(t -> masks[s] == null || masks[s][t]).toArray();
    }

    private double kx(int s1, int a, int s2, int b) {
        return SequenceStates.inner(seqs[s1][present(s1)[a]], seqs[s2][present(s2)[b]]);
    }

    private double sigma(int s1, int a, int s2, int b) {
        double kh = a == 0 || b == 0 ? 0 : node(s1, a - 1, s2, b - 1)[0];
        return w2 * kh + u2 * kx(s1, a, s2, b) + b2;
    }

    /** {Kh, Θh} of node (s1, a) against node (s2, b). */
    private double[] node(int s1, int a, int s2, int b) {
        long key = (((long) s1 * 64 + a) * 2 + s2) * 64 + b;
        double[] hit = memo.get(key);
        if (hit != null) {
            return hit;
        }
        double k12 = sigma(s1, a, s2, b);
        double k11 = sigma(s1, a, s1, a);
        double k22 = sigma(s2, b, s2, b);
        double[] cov = new double[1];
        double[] dot = new double[1];
        dual.compute(new double[]{k11}, new double[]{k22}, new double[]{k12}, 1, cov, dot);
        double prevT = a == 0 || b == 0 ? 0 : node(s1, a - 1, s2, b - 1)[1];
        double pre = k12 + u2 * ntkScale * kx(s1, a, s2, b) + w2 * prevT;
        double[] r = {cov[0], dot[0] * pre};
        memo.put(key, r);
        return r;
    }

    /** {K, Θ} of the two sequences for output "last". */
    double[] last(int s1, int s2) {
        return node(s1, present(s1).length - 1, s2, present(s2).length - 1);
    }

    /** {K, Θ} for output "mean". */
    double[] mean(int s1, int s2) {
        int l1 = present(s1).length;
        int l2 = present(s2).length;
        double k = 0;
        double t = 0;
        for (int a = 0; a < l1; a++) {
            for (int b = 0; b < l2; b++) {
                double[] v = node(s1, a, s2, b);
                k += v[0];
                t += v[1];
            }
        }
        return new double[]{k / (l1 * l2), t / (l1 * l2)};
    }

    /** {K, Θ} between the states visible at times p (of s1) and q (of s2), output "sequence". */
    double[] atTimes(int s1, int p, int s2, int q) {
        int a = -1;
        for (int t = 0; t <= p; t++) {
            a += masks[s1] == null || masks[s1][t] ? 1 : 0;
        }
        int b = -1;
        for (int t = 0; t <= q; t++) {
            b += masks[s2] == null || masks[s2][t] ? 1 : 0;
        }
        return a < 0 || b < 0 ? new double[]{0, 0} : node(s1, a, s2, b);
    }
}
