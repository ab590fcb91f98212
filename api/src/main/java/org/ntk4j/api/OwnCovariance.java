package org.ntk4j.api;

/**
 * How much of each input's own covariance (its covariance with itself over pairs of positions) a
 * layer reads. The engine folds {@link Layer#ownCovarianceRead} backwards over the network: when no
 * layer needs more than the variances, a FULL-mode state keeps only the S same-position entries
 * per input instead of S² (see {@link KernelState#ownDiagonalOnly()}), which for a deep CNN ending
 * in global pooling removes two thirds of the work of a one-pair tile.
 */
public enum OwnCovariance {
    /** Not read at all: the values may be left undefined (NaN). */
    UNUSED,
    /** Only the variances, the same-position entries. */
    DIAGONAL,
    /** All pairs of positions. */
    FULL;

    /** The larger of this and {@code other}. */
    public OwnCovariance atLeast(OwnCovariance other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
