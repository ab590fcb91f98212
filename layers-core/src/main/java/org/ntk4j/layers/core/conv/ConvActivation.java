package org.ntk4j.layers.core.conv;

import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Pointwise;
import org.ntk4j.layers.core.FusedLayer;

/**
 * {@code conv} and the coordinatewise activation after it, as one layer: the same kernels (the same
 * bits) as the two applied in turn, but with FULL position covariances each row of a kernel entry is
 * updated in place by the conv ({@link ConvRows}) and transformed by the activation's dual while it
 * is in cache. For a deep CNN with pooling this is one pass over memory per layer instead of four
 * (allocate and zero, convolve, rescale, activate). Other cases (DIAGONAL mode, strides, VALID
 * padding) run the two layers in turn. Shapes, checks and twins are the two layers' own.
 */
final class ConvActivation extends FusedLayer {
    private final Conv conv;

    ConvActivation(Conv conv, Layer activation) {
        super(conv, activation);
        this.conv = conv;
    }

    @Override
    public KernelState apply(KernelState s) {
        WindowGeometry g = conv.geometry(s.spatial());
        if (s.mode() != KernelState.Positions.FULL || s.hasMasks() || !ConvRows.fits(g)) {
            return activationLayer().apply(conv.apply(s));
        }
        int channels = s.channels();
        int taps = g.taps();
        ConvRows crossRows = new ConvRows(g, conv.arrayOps());
        ConvRows ntkRows = s.hasNtk() ? new ConvRows(g, conv.arrayOps()) : null;
        // Own covariances first: the dual reads the conv output's variances from them.
        conv.applyOwnInPlace(s, g, crossRows);
        int side = crossRows.positions();
        int entry = side * side;
        int[] current = {-1};
        return Pointwise.apply(s, activationLayer().activation().dual(), (cross, ntk, from, n) -> {
            if (from % side != 0 || n % side != 0) {
                throw new IllegalStateException("runs must be whole rows of " + side + " positions: " + from + "+" + n);
            }
            for (int row = from; row < from + n; row += side) {
                int e = row / entry;
                if (e != current[0]) {
                    crossRows.start(cross, e * entry);
                    if (ntkRows != null) {
                        ntkRows.start(ntk, e * entry);
                    }
                    current[0] = e;
                }
                int p = (row - e * entry) / side;
                crossRows.row(p);
                if (ntkRows != null) {
                    ntkRows.row(p);
                }
                conv.affineTapSums(cross, ntk, row, side, channels, taps);
            }
        });
    }
}
