package org.ntk4j.simd;

import org.ntk4j.api.DualActivation;

/** A dual with a {@link WarmUp}: its vector code can be exercised directly, hot or not. */
interface WarmableDual extends DualActivation {

    /** True once the vector code has proven faster than the scalar twin. */
    boolean isHot();

    /** True once every vector path of the dual is hot: what background warm-up waits for. */
    default boolean isWarm() {
        return isHot();
    }

    /** Lets only {@code thread} probe the vector code while cold ({@code null}: every thread). */
    void probeOnlyIn(Thread thread);

    /** Pairs [0, to) in vectors, whatever the warm-up state. */
    void vectors(double[] k11, double[] k22, double[] k12, double[] cov, double[] dot, int to);

    /**
     * Runs every vector path a kernel computation will take on the given batch (all {@code n}
     * pairs share the batch's variances layout); the outputs are scratch.
     */
    default void exercise(double[] k11, double[] k22, double[] k12, double[] cov, double[] dot, int n) {
        vectors(k11, k22, k12, cov, dot, n);
    }
}
