package org.ntk4j.api;

import java.util.Arrays;

/**
 * The shape of one input as it flows through the network: spatial axes (none for vectors,
 * {@code [T]} for sequences, {@code [H, W]} for images) and a finite channel count (the fan-in of
 * the next layer; what matters for the standard parameterization).
 */
public record Shape(int[] spatial, int channels) {

    public Shape {
        spatial = spatial.clone();
    }

    public static Shape vector(int channels) {
        return new Shape(new int[0], channels);
    }

    public int rank() {
        return spatial.length;
    }

    /** Number of positions (product of spatial sizes; 1 for vectors). */
    public int positions() {
        int p = 1;
        for (int s : spatial) {
            p *= s;
        }
        return p;
    }

    public boolean isVector() {
        return spatial.length == 0;
    }

    public Shape withChannels(int c) {
        return new Shape(spatial, c);
    }

    @Override
    public int[] spatial() {
        return spatial.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && s.channels == channels && Arrays.equals(s.spatial, spatial);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(spatial) + channels;
    }

    /** E.g. "vector of 784 channels", "32×32 positions × 3 channels". */
    @Override
    public String toString() {
        if (spatial.length == 0) {
            return "vector of " + channels + " channels";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < spatial.length; i++) {
            b.append(i == 0 ? "" : "×").append(spatial[i]);
        }
        return b.append(" positions × ").append(channels).append(" channels").toString();
    }
}
