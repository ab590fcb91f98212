package org.ntk4j.layers.core.conv;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a window reads along one spatial axis: output index {@code o} and tap {@code δ} read input
 * index {@code s·o − padLow + δ} (wrapped for CIRCULAR, absent outside the input for SAME).
 *
 * <p>For fast covariance updates the valid {@code o} of each tap are stored as a few segments on
 * which the source is affine, {@code src = s·o + offset}: one segment for SAME and VALID, up to
 * three (left wrap, middle, right wrap) for CIRCULAR. Inner loops then run over contiguous memory.
 */
final class AxisTaps {

    /** Output indices {@code [lo, hi)} of one tap read input {@code stride·o + offset}. */
    record Segment(int lo, int hi, int offset) {
    }

    final int in;
    final int out;
    final int window;
    final int stride;
    private final Padding padding;
    private final int padLow;
    private final Segment[][] segments;

    AxisTaps(int in, int window, int stride, Padding padding) {
        this.in = in;
        this.window = window;
        this.stride = stride;
        this.padding = padding;
        this.out = padding.outputLength(in, window, stride);
        this.padLow = padding.padLow(in, window, stride);
        this.segments = new Segment[window][];
        for (int d = 0; d < window; d++) {
            segments[d] = segmentsOf(d);
        }
    }

    /** The input index read by output {@code o} at tap {@code d}, or −1 for a zero pad. */
    int source(int o, int d) {
        int i = stride * o - padLow + d;
        if (i >= 0 && i < in) {
            return i;
        }
        if (padding == Padding.CIRCULAR) {
            return Math.floorMod(i, in);
        }
        return -1;
    }

    Segment[] segments(int d) {
        return segments[d];
    }

    private Segment[] segmentsOf(int d) {
        List<Segment> list = new ArrayList<>();
        int o = 0;
        while (o < out) {
            int src = source(o, d);
            if (src < 0) {
                o++;
                continue;
            }
            int offset = src - stride * o;
            int end = o + 1;
            while (end < out && source(end, d) == stride * end + offset) {
                end++;
            }
            list.add(new Segment(o, end, offset));
            o = end;
        }
        return list.toArray(new Segment[0]);
    }
}
