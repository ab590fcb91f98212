package org.ntk4j.engine.compute;

import java.util.Arrays;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.io.InputChecks;
import org.ntk4j.engine.io.Tensor;

/**
 * N inputs of one shape (spatial axes × channels, channels last), row-major in one array, with
 * optional presence masks for sequences of different lengths ({@code mask[n][t]}, true = present).
 */
public final class Inputs {
    private final int n;
    private final int[] spatial;
    private final int channels;
    private final double[] data;
    private final boolean[][] mask;
    private final String name;

    /**
     * @param shape the full array shape: {@code [N, d]}, {@code [N, T, d]} or {@code [N, H, W, C]}
     * @param name  where the data came from (a file name), for error messages
     */
    public Inputs(String name, int[] shape, double[] data, boolean[][] mask) {
        if (shape.length < 2) {
            throw new SpecException(name, "expected inputs of rank 2 (N × d), 3 (N × T × d) or 4 (N × H × W × C), found rank "
                    + shape.length + " " + Arrays.toString(shape));
        }
        this.name = name;
        this.n = shape[0];
        this.spatial = Arrays.copyOfRange(shape, 1, shape.length - 1);
        this.channels = shape[shape.length - 1];
        long size = 1;
        for (int s : shape) {
            if (s <= 0) {
                throw new SpecException(name, "every axis must be non-empty, found shape " + Arrays.toString(shape));
            }
            size *= s;
        }
        if (size != data.length) {
            throw new SpecException(name, "shape " + Arrays.toString(shape) + " needs " + size + " values, found " + data.length);
        }
        this.data = data;
        checkFinite();
        this.mask = mask;
        if (mask != null) {
            if (spatial.length != 1) {
                throw new SpecException(name, "a mask needs sequences (N × T × d), found shape " + Arrays.toString(shape));
            }
            if (mask.length != n) {
                throw new SpecException(name, "the mask has " + mask.length + " rows, the data has " + n + " inputs");
            }
            for (int i = 0; i < n; i++) {
                if (mask[i].length != spatial[0]) {
                    throw new SpecException(name, "mask row " + i + " has " + mask[i].length + " steps, the data has " + spatial[0]);
                }
                boolean any = false;
                for (boolean b : mask[i]) {
                    any |= b;
                }
                if (!any) {
                    throw new SpecException(name, "mask row " + i + " marks no step present");
                }
            }
        }
    }

    /** Vectors from a 2-D array (rows are inputs). */
    public static Inputs of(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new SpecException("inputs", "row " + i + " has " + rows[i].length + " values, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return new Inputs("inputs", new int[]{rows.length, d}, flat, null);
    }

    /** One check for every way inputs arrive (files, arrays, the CLI): the first non-finite value, named. */
    private void checkFinite() {
        InputChecks.requireFinite(Tensor.of(shape(), data), name);
    }

    public String name() {
        return name;
    }

    public int count() {
        return n;
    }

    public int[] spatial() {
        return spatial.clone();
    }

    public int positions() {
        int p = 1;
        for (int s : spatial) {
            p *= s;
        }
        return p;
    }

    public int channels() {
        return channels;
    }

    /** The shape of one input. */
    public Shape shape1() {
        return new Shape(spatial, channels);
    }

    /** The full shape {@code [N, spatial..., channels]}. */
    public int[] shape() {
        int[] s = new int[spatial.length + 2];
        s[0] = n;
        System.arraycopy(spatial, 0, s, 1, spatial.length);
        s[s.length - 1] = channels;
        return s;
    }

    /** Row-major values; input i occupies {@code [i * positions * channels, (i+1) * ...)}. */
    public double[] data() {
        return data;
    }

    public boolean[][] mask() {
        return mask;
    }

    /** Rows {@code [from, to)} as a new Inputs (sharing nothing mutable). */
    public Inputs slice(int from, int to) {
        int per = positions() * channels;
        int[] s = shape();
        s[0] = to - from;
        double[] d = Arrays.copyOfRange(data, from * per, to * per);
        boolean[][] m = mask == null ? null : Arrays.copyOfRange(mask, from, to);
        return new Inputs(name, s, d, m);
    }

    /** These inputs followed by {@code other}'s (same shape per input). */
    public Inputs stack(Inputs other) {
        int[] s = shape();
        s[0] = n + other.n;
        double[] d = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, d, data.length, other.data.length);
        boolean[][] m = null;
        if (mask != null || other.mask != null) {
            m = new boolean[n + other.n][];
            for (int i = 0; i < m.length; i++) {
                boolean[][] src = i < n ? mask : other.mask;
                int k = i < n ? i : i - n;
                m[i] = src != null ? src[k] : allPresent(spatial[0]);
            }
        }
        return new Inputs(name + "+" + other.name, s, d, m);
    }

    private static boolean[] allPresent(int t) {
        boolean[] b = new boolean[t];
        Arrays.fill(b, true);
        return b;
    }
}
