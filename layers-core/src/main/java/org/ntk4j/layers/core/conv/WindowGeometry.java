package org.ntk4j.layers.core.conv;

import java.util.Arrays;
import org.ntk4j.api.SpecException;

/**
 * A window (convolution filter or pooling window) with strides and padding laid over an input's
 * spatial axes: output shape, per-axis taps, and for finite networks the input position each
 * (output position, tap) pair reads.
 */
final class WindowGeometry {
    private final int[] inSpatial;
    private final int[] outSpatial;
    private final AxisTaps[] axes;
    private final int taps;

    private WindowGeometry(int[] inSpatial, AxisTaps[] axes) {
        this.inSpatial = inSpatial.clone();
        this.axes = axes;
        this.outSpatial = new int[axes.length];
        int t = 1;
        for (int a = 0; a < axes.length; a++) {
            outSpatial[a] = axes[a].out;
            t *= axes[a].window;
        }
        this.taps = t;
    }

    /**
     * Lays the window over {@code inSpatial}. {@code window} and {@code strides} may be null, meaning
     * {@code defaultWindow} and 1 along every axis.
     *
     * @throws SpecException naming {@code path} when ranks differ or a VALID window does not fit
     */
    static WindowGeometry of(String path, String type, String windowName, int[] inSpatial, int[] window,
                             int defaultWindow, int[] strides, Padding padding) {
        int rank = inSpatial.length;
        if (rank == 0) {
            throw new SpecException(path, "\"" + type + "\" needs positions (a sequence N × T × d or images "
                    + "N × H × W × C), found a vector per input; use dense for vectors");
        }
        int[] w = window != null ? window : filled(rank, defaultWindow);
        int[] s = strides != null ? strides : filled(rank, 1);
        if (w.length != rank) {
            throw new SpecException(path + "." + windowName, "expected " + rank + " entries (one per spatial axis of "
                    + Arrays.toString(inSpatial) + "), found " + Arrays.toString(w));
        }
        if (s.length != rank) {
            throw new SpecException(path + ".strides", "expected " + rank + " entries (one per spatial axis of "
                    + Arrays.toString(inSpatial) + "), found " + Arrays.toString(s));
        }
        AxisTaps[] axes = new AxisTaps[rank];
        for (int a = 0; a < rank; a++) {
            axes[a] = new AxisTaps(inSpatial[a], w[a], s[a], padding);
            if (axes[a].out == 0) {
                throw new SpecException(path + "." + windowName, "a VALID window of " + w[a] + " does not fit axis "
                        + a + " of length " + inSpatial[a] + " (input positions " + Arrays.toString(inSpatial)
                        + "); use a smaller window or padding \"SAME\"");
            }
        }
        return new WindowGeometry(inSpatial, axes);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    int rank() {
        return axes.length;
    }

    AxisTaps axis(int a) {
        return axes[a];
    }

    int[] inSpatial() {
        return inSpatial.clone();
    }

    int[] outSpatial() {
        return outSpatial.clone();
    }

    /** |F|: taps per output position (the product of window sizes). */
    int taps() {
        return taps;
    }

    int inPositions() {
        return product(inSpatial);
    }

    int outPositions() {
        return product(outSpatial);
    }

    private static int product(int[] a) {
        int p = 1;
        for (int v : a) {
            p *= v;
        }
        return p;
    }

    /**
     * {@code table[o * taps + t]}: the (row-major) input position that output position o reads at
     * tap t (taps row-major over the window), or −1 for a zero pad.
     */
    int[] sourceTable() {
        int outP = outPositions();
        int[] table = new int[outP * taps];
        int rank = rank();
        int[] o = new int[rank];
        int[] t = new int[rank];
        for (int op = 0; op < outP; op++) {
            unravel(op, outSpatial, o);
            for (int tp = 0; tp < taps; tp++) {
                unravelWindow(tp, t);
                int src = 0;
                for (int a = 0; a < rank; a++) {
                    int i = axes[a].source(o[a], t[a]);
                    if (i < 0) {
                        src = -1;
                        break;
                    }
                    src = src * inSpatial[a] + i;
                }
                table[op * taps + tp] = src;
            }
        }
        return table;
    }

    private void unravelWindow(int flat, int[] idx) {
        for (int a = axes.length - 1; a >= 0; a--) {
            idx[a] = flat % axes[a].window;
            flat /= axes[a].window;
        }
    }

    private static void unravel(int flat, int[] dims, int[] idx) {
        for (int a = dims.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
    }
}
