package org.ntk4j.layers.core.conv;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.ntk4j.api.ArrayOps;

/**
 * The FULL conv update of one kernel entry (the P×P covariances over pairs of positions), in place
 * and one output row at a time, for geometries that keep the positions (stride 1 and as many outputs
 * as inputs along each axis: SAME or CIRCULAR padding). Row p of the entry becomes
 * {@code Σ_δ K(src(p, δ), src(q, δ))} for every q, with the additions of
 * {@link PositionCovariance#convFull} in the same order (the same bits).
 *
 * <p>Why rows: a following activation (see {@link ConvActivation}) can transform each row while it is
 * in cache, and in place no output state is allocated and zeroed per layer: for a deep CNN the
 * update is bound by memory traffic, not arithmetic.
 *
 * <p>Separable as in {@code convFull}: with positions laid out {@code (i0, i1)}, i1 fastest, the
 * first pass builds for one output index {@code o0} of the first axis
 * {@code mid[p1][(q0, q1)] = Σ_δ0 K[(src0(o0, δ0), p1)][(src0(q0, δ0), q1)]}, and output row
 * {@code (o0, o1)} is {@code Σ_δ1 mid[src1(o1, δ1)][(q0, src1(q1, δ1))]}. Writing block o0 (its n1
 * rows) overwrites input block o0, so input blocks that a later block still reads are copied
 * aside first. 1-D entries are the case of a second axis of length 1.
 *
 * <p>One instance per thread: it owns its buffers.
 */
final class ConvRows {
    private final AxisTaps t0;
    private final AxisTaps t1;
    private final ArrayOps ops;
    /** Positions P and the length of the second axis. */
    private final int side;
    private final int n1;
    /** For each input block, the last output block that reads it. */
    private final int[] lastReader;
    private final double[] mid;
    /** Copies of overwritten input blocks that later blocks still read, by block index. */
    private final double[][] saved;
    private final ArrayDeque<double[]> spare = new ArrayDeque<>();

    private double[] a;
    private int off;
    private int block;

    /** True when {@code g} keeps the positions, so that the update can run in place. */
    static boolean fits(WindowGeometry g) {
        for (int k = 0; k < g.rank(); k++) {
            AxisTaps t = g.axis(k);
            if (t.stride != 1 || t.out != t.in) {
                return false;
            }
        }
        return g.rank() == 1 || g.rank() == 2;
    }

    ConvRows(WindowGeometry g, ArrayOps ops) {
        if (!fits(g)) {
            throw new IllegalArgumentException("the update changes the positions; it cannot run in place");
        }
        this.t0 = g.axis(0);
        this.t1 = g.rank() == 2 ? g.axis(1) : new AxisTaps(1, 1, 1, Padding.VALID);
        this.ops = ops;
        this.n1 = t1.in;
        this.side = t0.in * n1;
        this.lastReader = new int[t0.in];
        Arrays.fill(lastReader, -1);
        for (int o = 0; o < t0.out; o++) {
            for (int d = 0; d < t0.window; d++) {
                int i = t0.source(o, d);
                if (i >= 0) {
                    lastReader[i] = Math.max(lastReader[i], o);
                }
            }
        }
        this.mid = new double[n1 * side];
        this.saved = new double[t0.in][];
    }

    /** Positions P of an entry (its rows and columns). */
    int positions() {
        return side;
    }

    /** Starts on the entry at {@code entry[offset]}; its rows must then be asked for in order. */
    void start(double[] entry, int offset) {
        for (int i = 0; i < saved.length; i++) {
            release(i);
        }
        this.a = entry;
        this.off = offset;
        this.block = -1;
    }

    /** Overwrites row {@code p} of the current entry with its update; rows come in increasing order. */
    void row(int p) {
        int o0 = p / n1;
        int o1 = p - o0 * n1;
        if (o0 != block) {
            if (o0 != block + 1 || o1 != 0) {
                throw new IllegalStateException("rows must be asked for in order: row " + p + " after block " + block);
            }
            firstPass(o0);
            block = o0;
            // From here on rows of block o0 are overwritten: keep the originals later blocks read.
            if (lastReader[o0] > o0) {
                double[] copy = spare.isEmpty() ? new double[n1 * side] : spare.pop();
                System.arraycopy(a, off + o0 * n1 * side, copy, 0, n1 * side);
                saved[o0] = copy;
            }
            for (int i = 0; i < o0; i++) {
                if (saved[i] != null && lastReader[i] <= o0) {
                    release(i);
                }
            }
        }
        secondPass(o0, o1);
    }

    /** Updates every row of the entry at {@code entry[offset]}. */
    void all(double[] entry, int offset) {
        start(entry, offset);
        for (int p = 0; p < side; p++) {
            row(p);
        }
    }

    private void release(int i) {
        if (saved[i] != null) {
            spare.push(saved[i]);
            saved[i] = null;
        }
    }

    /** {@code mid[p1][(q0, q1)] = Σ_δ0 K[(src0(o0, δ0), p1)][(src0(q0, δ0), q1)]}. */
    private void firstPass(int o0) {
        Arrays.fill(mid, 0.0);
        for (int d = 0; d < t0.window; d++) {
            int i0 = t0.source(o0, d);
            if (i0 < 0) {
                continue;
            }
            // Blocks before o0 are overwritten already: read their saved copies.
            double[] src = i0 < o0 ? saved[i0] : a;
            int base = i0 < o0 ? 0 : off + i0 * n1 * side;
            AxisTaps.Segment[] segs = t0.segments(d);
            for (int p1 = 0; p1 < n1; p1++) {
                int rowIn = base + p1 * side;
                int rowMid = p1 * side;
                for (AxisTaps.Segment s : segs) {
                    ops.addInto(src, rowIn + (s.lo() + s.offset()) * n1, mid, rowMid + s.lo() * n1,
                            (s.hi() - s.lo()) * n1);
                }
            }
        }
    }

    /** Row {@code (o0, o1)} = {@code Σ_δ1 mid[src1(o1, δ1)][(q0, src1(q1, δ1))]}. */
    private void secondPass(int o0, int o1) {
        int rowOut = off + (o0 * n1 + o1) * side;
        Arrays.fill(a, rowOut, rowOut + side, 0.0);
        for (int d = 0; d < t1.window; d++) {
            int i1 = t1.source(o1, d);
            if (i1 < 0) {
                continue;
            }
            AxisTaps.Segment[] segs = t1.segments(d);
            int rowMid = i1 * side;
            if (n1 == 1) {
                ops.addInto(mid, rowMid, a, rowOut, side);
                continue;
            }
            for (int q0 = 0; q0 < t0.out; q0++) {
                int baseMid = rowMid + q0 * n1;
                int baseOut = rowOut + q0 * n1;
                for (AxisTaps.Segment s : segs) {
                    ops.addInto(mid, baseMid + s.lo() + s.offset(), a, baseOut + s.lo(), s.hi() - s.lo());
                }
            }
        }
    }
}
