package org.ntk4j.api;

import java.util.Arrays;

/**
 * The shape of one input as it flows through the network: spatial axes (none for vectors,
 * {@code [T]} for sequences, {@code [H, W]} for images), a finite channel count (the fan-in of the
 * next layer; what matters for the standard parameterization), and two facts about the values in
 * the infinite-width limit that decide which kernel rules are exact:
 * <ul>
 *   <li>{@code gaussian}: jointly Gaussian over inputs and positions (the output of a layer with
 *       fresh zero-mean weights, and linear maps of such). An activation's dual is exact only on
 *       Gaussian pre-activations.</li>
 *   <li>{@code centred}: every channel has mean zero (weight layers, odd functions of them). The
 *       layerNorm limit is exact only on centred inputs.</li>
 * </ul>
 * Raw inputs are neither: they are data, not random.
 */
public record Shape(int[] spatial, int channels, boolean gaussian, boolean centred) {

    public Shape {
        spatial = spatial.clone();
    }

    /** A shape of data that is neither Gaussian nor centred (raw inputs). */
    public Shape(int[] spatial, int channels) {
        this(spatial, channels, false, false);
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

    /** The same shape with another channel count (the flags kept). */
    public Shape withChannels(int c) {
        return new Shape(spatial, c, gaussian, centred);
    }

    /** The same layout with other flags. */
    public Shape withFlags(boolean isGaussian, boolean isCentred) {
        return new Shape(spatial, channels, isGaussian, isCentred);
    }

    /** The output of a layer with fresh zero-mean Gaussian weights: Gaussian and centred. */
    public Shape fromWeights() {
        return withFlags(true, true);
    }

    /** Another spatial layout, the channels and flags kept (pooling, flatten). */
    public Shape withSpatial(int[] newSpatial, int newChannels) {
        return new Shape(newSpatial, newChannels, gaussian, centred);
    }

    /** Same positions and channels, whatever the flags. */
    public boolean sameLayout(Shape o) {
        return o.channels == channels && Arrays.equals(o.spatial, spatial);
    }

    @Override
    public int[] spatial() {
        return spatial.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && sameLayout(s) && s.gaussian == gaussian && s.centred == centred;
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
