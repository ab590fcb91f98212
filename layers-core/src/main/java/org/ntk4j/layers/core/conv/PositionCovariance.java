package org.ntk4j.layers.core.conv;

import java.util.Arrays;
import org.ntk4j.api.ArrayOps;

/**
 * The window operators on one kernel entry (one pair of inputs), separable along spatial axes so
 * that a 2-D update costs {@code O(P²·(f₁ + f₂))} instead of {@code O(P²·f₁·f₂)}, with inner loops
 * over contiguous memory that the JIT vectorises.
 *
 * <ul>
 *   <li>{@link #convFull}: {@code K'(p, q) = Σ_δ K(src(p, δ), src(q, δ))} over the full P×P block —
 *       one filter tap δ is shared by both positions, because both read the same weights W_δ;</li>
 *   <li>{@link #convDiagonal}: the same for same-position entries only, {@code K'(p) = Σ_δ K(src(p, δ))};</li>
 *   <li>{@link #poolFull}: {@code K' = A K Aᵀ} for a mean over a window (the two positions average
 *       independently).</li>
 * </ul>
 * Zero pads contribute nothing. An instance owns scratch buffers: one per thread.
 */
final class PositionCovariance {
    private final WindowGeometry g;
    private final ArrayOps ops;
    /** Two buffers that successive axis passes alternate between, and one for pooled rows. */
    private final double[][] buffers = {new double[0], new double[0], new double[0]};

    PositionCovariance(WindowGeometry g, ArrayOps ops) {
        this.g = g;
        this.ops = ops;
    }

    /** Writes {@code Σ_δ K(src(p, δ), src(q, δ))} of the P×P block at {@code in[inOff]} to {@code out[outOff]}. */
    void convFull(double[] in, int inOff, double[] out, int outOff) {
        int rank = g.rank();
        if (rank == 2) {
            convFull2d(in, inOff, out, outOff);
            return;
        }
        int[] cur = g.inSpatial();
        double[] src = in;
        int srcOff = inOff;
        for (int a = 0; a < rank; a++) {
            AxisTaps t = g.axis(a);
            int pre = product(cur, 0, a);
            int suf = product(cur, a + 1, rank);
            cur[a] = t.out;
            int side = pre * t.out * suf;
            double[] dst;
            int dstOff;
            if (a == rank - 1) {
                dst = out;
                dstOff = outOff;
            } else {
                dst = scratch(a & 1, side * side);
                dstOff = 0;
            }
            shiftAxis(src, srcOff, dst, dstOff, pre, t, suf);
            src = dst;
            srcOff = dstOff;
        }
    }

    /**
     * The two axis passes of a 2-D update fused per output row index of the first axis: the
     * intermediate (first axis done, second not) is one block of {@code n₁ × m₀·n₁} values that
     * stays in cache, instead of a P×P array that goes through memory twice.
     */
    private void convFull2d(double[] in, int inOff, double[] out, int outOff) {
        AxisTaps t0 = g.axis(0);
        AxisTaps t1 = g.axis(1);
        int n1 = t1.in;
        int m0 = t0.out;
        int m1 = t1.out;
        int sideIn = t0.in * n1;
        int sideMid = m0 * n1;
        int sideOut = m0 * m1;
        double[] mid = scratch(0, n1 * sideMid);
        for (int o0 = 0; o0 < m0; o0++) {
            // mid[p2][(q0', q2)] = Σ_δ0 K[(src0(o0, δ0), p2)][(src0(q0', δ0), q2)]
            java.util.Arrays.fill(mid, 0, n1 * sideMid, 0.0);
            for (int d = 0; d < t0.window; d++) {
                int i0 = t0.source(o0, d);
                if (i0 < 0) {
                    continue;
                }
                AxisTaps.Segment[] segs = t0.segments(d);
                for (int p2 = 0; p2 < n1; p2++) {
                    int rowIn = inOff + (i0 * n1 + p2) * sideIn;
                    int rowMid = p2 * sideMid;
                    for (AxisTaps.Segment s : segs) {
                        if (t0.stride == 1) {
                            add(in, rowIn + (s.lo() + s.offset()) * n1, mid, rowMid + s.lo() * n1, (s.hi() - s.lo()) * n1);
                        } else {
                            for (int o = s.lo(); o < s.hi(); o++) {
                                add(in, rowIn + (t0.stride * o + s.offset()) * n1, mid, rowMid + o * n1, n1);
                            }
                        }
                    }
                }
            }
            // out[(o0, o1)][(q0', q1')] = Σ_δ1 mid[src1(o1, δ1)][(q0', src1(q1', δ1))]
            for (int o1 = 0; o1 < m1; o1++) {
                int rowOut = outOff + (o0 * m1 + o1) * sideOut;
                java.util.Arrays.fill(out, rowOut, rowOut + sideOut, 0.0);
                for (int d = 0; d < t1.window; d++) {
                    int i1 = t1.source(o1, d);
                    if (i1 < 0) {
                        continue;
                    }
                    AxisTaps.Segment[] segs = t1.segments(d);
                    int rowMid = i1 * sideMid;
                    for (int q0 = 0; q0 < m0; q0++) {
                        int baseMid = rowMid + q0 * n1;
                        int baseOut = rowOut + q0 * m1;
                        for (AxisTaps.Segment s : segs) {
                            if (t1.stride == 1) {
                                add(mid, baseMid + s.lo() + s.offset(), out, baseOut + s.lo(), s.hi() - s.lo());
                            } else {
                                for (int o = s.lo(); o < s.hi(); o++) {
                                    out[baseOut + o] += mid[baseMid + t1.stride * o + s.offset()];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Writes {@code Σ_δ K(src(p, δ))} of the S same-position entries at {@code in[inOff]} to {@code out[outOff]}. */
    void convDiagonal(double[] in, int inOff, double[] out, int outOff) {
        oneSided(in, inOff, out, outOff, 1, false);
    }

    /** Writes {@code A K Aᵀ} (window means, pads counted as zeros) of the P×P block. */
    void poolFull(double[] in, int inOff, double[] out, int outOff) {
        int inP = g.inPositions();
        int outP = g.outPositions();
        // Rows (first position) first, then columns (second position).
        double[] rows = scratch(2, outP * inP);
        oneSided(in, inOff, rows, 0, inP, true);
        int rank = g.rank();
        int[] cur = g.inSpatial();
        double[] src = rows;
        for (int a = 0; a < rank; a++) {
            AxisTaps t = g.axis(a);
            int pre = outP * product(cur, 0, a);
            int suf = product(cur, a + 1, rank);
            cur[a] = t.out;
            double[] dst = a == rank - 1 ? out : scratch(a & 1, pre * t.out * suf);
            int dstOff = a == rank - 1 ? outOff : 0;
            // Every intermediate buffer starts at offset 0.
            gatherAxis(src, 0, dst, dstOff, pre, t, suf, 1.0 / t.window);
            src = dst;
        }
    }

    /**
     * Applies the per-axis window sum (or mean) to the first position index of a block whose
     * trailing {@code trailing} values per position ride along.
     */
    private void oneSided(double[] in, int inOff, double[] out, int outOff, int trailing, boolean mean) {
        int rank = g.rank();
        int[] cur = g.inSpatial();
        double[] src = in;
        int srcOff = inOff;
        for (int a = 0; a < rank; a++) {
            AxisTaps t = g.axis(a);
            int pre = product(cur, 0, a);
            int suf = product(cur, a + 1, rank) * trailing;
            cur[a] = t.out;
            double[] dst;
            int dstOff;
            if (a == rank - 1) {
                dst = out;
                dstOff = outOff;
            } else {
                dst = scratch(a & 1, pre * t.out * suf);
                dstOff = 0;
            }
            gatherAxis(src, srcOff, dst, dstOff, pre, t, suf, mean ? 1.0 / t.window : 1.0);
            src = dst;
            srcOff = dstOff;
        }
    }

    /**
     * One axis of the conv update on a square block whose sides are both laid out
     * {@code [pre][n][suf]}: the tap δ moves both sides together.
     */
    private void shiftAxis(double[] in, int inOff, double[] out, int outOff, int pre, AxisTaps t, int suf) {
        int nIn = t.in;
        int nOut = t.out;
        int sideIn = pre * nIn * suf;
        int sideOut = pre * nOut * suf;
        Arrays.fill(out, outOff, outOff + sideOut * sideOut, 0.0);
        int stride = t.stride;
        for (int pp = 0; pp < pre; pp++) {
            for (int op = 0; op < nOut; op++) {
                for (int d = 0; d < t.window; d++) {
                    int ip = t.source(op, d);
                    if (ip < 0) {
                        continue;
                    }
                    AxisTaps.Segment[] segs = t.segments(d);
                    for (int sp = 0; sp < suf; sp++) {
                        int rowIn = inOff + ((pp * nIn + ip) * suf + sp) * sideIn;
                        int rowOut = outOff + ((pp * nOut + op) * suf + sp) * sideOut;
                        for (int pq = 0; pq < pre; pq++) {
                            int baseIn = rowIn + pq * nIn * suf;
                            int baseOut = rowOut + pq * nOut * suf;
                            for (AxisTaps.Segment s : segs) {
                                if (stride == 1) {
                                    add(in, baseIn + (s.lo() + s.offset()) * suf, out, baseOut + s.lo() * suf,
                                            (s.hi() - s.lo()) * suf);
                                } else {
                                    for (int o = s.lo(); o < s.hi(); o++) {
                                        add(in, baseIn + (stride * o + s.offset()) * suf, out, baseOut + o * suf, suf);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code out[pre][o][suf] = w · Σ_δ in[pre][src(o, δ)][suf]} (zero pads skipped). */
    private void gatherAxis(double[] in, int inOff, double[] out, int outOff, int pre, AxisTaps t, int suf,
                                   double w) {
        int nIn = t.in;
        int nOut = t.out;
        Arrays.fill(out, outOff, outOff + pre * nOut * suf, 0.0);
        for (int pp = 0; pp < pre; pp++) {
            for (int o = 0; o < nOut; o++) {
                int dst = outOff + (pp * nOut + o) * suf;
                for (int d = 0; d < t.window; d++) {
                    int i = t.source(o, d);
                    if (i >= 0) {
                        add(in, inOff + (pp * nIn + i) * suf, out, dst, suf);
                    }
                }
                if (w != 1.0) {
                    for (int k = 0; k < suf; k++) {
                        out[dst + k] *= w;
                    }
                }
            }
        }
    }

    private void add(double[] in, int from, double[] out, int to, int len) {
        ops.addInto(in, from, out, to, len);
    }

    private double[] scratch(int which, int size) {
        if (buffers[which].length < size) {
            buffers[which] = new double[size];
        }
        return buffers[which];
    }

    private static int product(int[] a, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= a[i];
        }
        return p;
    }
}
