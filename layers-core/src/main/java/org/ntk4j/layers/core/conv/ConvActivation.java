package org.ntk4j.layers.core.conv;

import java.util.Map;
import org.ntk4j.api.Activation;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.Pointwise;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.layers.core.FusedTwin;

/**
 * {@code conv} and the coordinatewise activation after it, as one layer: the same kernels (the same
 * bits) as the two applied in turn, but with FULL position covariances each row of a kernel entry is
 * updated in place by the conv ({@link ConvRows}) and transformed by the activation's dual while it
 * is in cache. For a deep CNN with pooling this is one pass over memory per layer instead of four
 * (allocate and zero, convolve, rescale, activate). Other cases (DIAGONAL mode, strides, VALID
 * padding) run the two layers in turn. Shapes, checks and twins are the two layers' own.
 */
final class ConvActivation implements Layer {
    private final Conv conv;
    private final Layer activation;

    ConvActivation(Conv conv, Layer activation) {
        this.conv = conv;
        this.activation = activation;
    }

    @Override
    public String type() {
        return conv.type();
    }

    @Override
    public String path() {
        return conv.path();
    }

    @Override
    public Activation activation() {
        return null;
    }

    @Override
    public Shape outputShape(Shape in) {
        return activation.outputShape(conv.outputShape(in));
    }

    @Override
    public KernelState apply(KernelState s) {
        WindowGeometry g = conv.geometry(s.spatial());
        if (s.mode() != KernelState.Positions.FULL || s.hasMasks() || !ConvRows.fits(g)) {
            return activation.apply(conv.apply(s));
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
        return Pointwise.apply(s, activation.activation().dual(), (cross, ntk, from, n) -> {
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

    @Override
    public boolean needsPositionCovariance() {
        return conv.needsPositionCovariance() || activation.needsPositionCovariance();
    }

    @Override
    public OwnCovariance ownCovarianceRead(OwnCovariance after) {
        return conv.ownCovarianceRead(activation.ownCovarianceRead(after));
    }

    @Override
    public boolean isBatchCoupled() {
        return conv.isBatchCoupled() || activation.isBatchCoupled();
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        return activation.isFresh(conv.isFresh(inputFresh));
    }

    @Override
    public Map<String, Object> diagnostics() {
        return activation.diagnostics();
    }

    @Override
    public FiniteLayer finite(FiniteContext context) {
        return FusedTwin.of(context, conv, activation);
    }
}
