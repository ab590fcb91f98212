package org.ntk4j.api.finite;

import java.util.Arrays;

/**
 * Activations of a finite network for a batch of inputs: {@code data[b][p * channels + c]} for
 * example b, position p (row-major over the spatial shape) and channel c. Masks (per example, per
 * position, true = present) are carried for sequences of different lengths.
 */
public final class Batch {
    private final int[] spatial;
    private final int positions;
    private final int channels;
    private final double[][] data;
    private final boolean[][] mask;

    public Batch(int[] spatial, int channels, double[][] data, boolean[][] mask) {
        this.spatial = spatial.clone();
        int p = 1;
        for (int s : spatial) {
            p *= s;
        }
        this.positions = p;
        this.channels = channels;
        this.data = data;
        this.mask = mask;
        for (double[] row : data) {
            if (row.length != p * channels) {
                throw new IllegalArgumentException("batch row has " + row.length + " values, expected "
                        + p + " positions × " + channels + " channels");
            }
        }
    }

    /** A zero batch of the given shape, with the masks of {@code like}. */
    public static Batch zeros(int n, int[] spatial, int channels, boolean[][] mask) {
        int p = 1;
        for (int s : spatial) {
            p *= s;
        }
        return new Batch(spatial, channels, new double[n][p * channels], mask);
    }

    public int size() {
        return data.length;
    }

    public int[] spatial() {
        return spatial.clone();
    }

    public int positions() {
        return positions;
    }

    public int channels() {
        return channels;
    }

    /** The values, mutable: {@code data()[b][p * channels() + c]}. */
    public double[][] data() {
        return data;
    }

    /** The presence masks, or null when every position is present. */
    public boolean[][] mask() {
        return mask;
    }

    public boolean present(int b, int p) {
        return mask == null || mask[b][p];
    }

    /** A deep copy of the values (same shape and masks). */
    public Batch copy() {
        double[][] d = new double[data.length][];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i].clone();
        }
        return new Batch(spatial, channels, d, mask);
    }

    @Override
    public String toString() {
        return "Batch[" + data.length + " × " + Arrays.toString(spatial) + " × " + channels + "]";
    }
}
