package org.ntk4j.api;

/**
 * Array loops shared by layers that a {@link NumericCore} may vectorise. Every implementation must
 * give the same bits as these scalar defaults (the same additions in the same order).
 */
public interface ArrayOps {

    /** The plain loops. */
    ArrayOps SCALAR = new ArrayOps() {
    };

    /**
     * {@code out[to + k] += in[from + k]} for {@code k < len}: the window sums of conv and pooling
     * over position covariances. C2 on JDK 17 does not vectorise this loop when the two offsets
     * differ at run time, which is why the SIMD core has its own.
     */
    default void addInto(double[] in, int from, double[] out, int to, int len) {
        for (int k = 0; k < len; k++) {
            out[to + k] += in[from + k];
        }
    }
}
