package org.ntk4j.simd;

/**
 * When a dual may trust its vector code. Until C2 has compiled it, Vector API code runs as objects
 * and lambdas, ten to a hundred times slower than scalar code, and on a busy machine C2 can take
 * seconds to get there: long enough for a whole medium-sized kernel to run cold. So a cold dual sends
 * one vector of each batch through its vector code (enough to get that compiled) and the rest through
 * its {@link ScalarTwin} arithmetic, which gives the same bits; it times both and turns hot for good
 * once the vector code has been faster per pair three calls in a row. Where vectors never beat scalar
 * code it stays cold, which is the right answer there too.
 *
 * <p>Shared by all threads using one dual: the streak is updated without synchronisation (a lost
 * update only delays the switch), the switch itself is a volatile write. While a background
 * warm-up runs ({@code BackgroundWarmUp}) only its thread probes.
 */
final class WarmUp {

    /** Pairs of a cold batch sent through the vector code: one vector. */
    static final int PROBE = Lanes.LENGTH;
    /** Scalar pairs a cold call needs for its timing to count (a few microseconds). */
    private static final int MIN_SCALAR = 64;
    private static final int STREAK = 3;

    private volatile boolean hot;
    private int streak;
    /** The only thread that probes while a background warm-up runs; null: every thread probes. */
    private volatile Thread prober;

    boolean isHot() {
        return hot;
    }

    /** Pairs of a cold batch of {@code n} for the vector code: one whole vector, or none. */
    static int probe(int n) {
        return n >= PROBE ? PROBE : 0;
    }

    /**
     * Pairs of a cold batch of {@code n} that this thread sends through the vector code: a whole
     * vector, or none when the batch is shorter or another thread is the {@linkplain #probeOnlyIn
     * prober}. Uncompiled vector code costs tens of microseconds a vector, more than a row of
     * scalar pairs, so probes from every worker thread would slow the cold phase down further.
     */
    int probeFor(int n) {
        Thread p = prober;
        return p == null || p == Thread.currentThread() ? probe(n) : 0;
    }

    /** Lets only {@code thread} probe (a background warm-up), or every thread again ({@code null}). */
    void probeOnlyIn(Thread thread) {
        prober = thread;
    }

    /** One cold call's timings. */
    void record(long vectorNanos, int vectorPairs, long scalarNanos, int scalarPairs) {
        if (vectorPairs == 0 || scalarPairs < MIN_SCALAR) {
            return;
        }
        if ((double) vectorNanos * scalarPairs < (double) scalarNanos * vectorPairs) {
            if (++streak >= STREAK) {
                hot = true;
            }
        } else {
            streak = 0;
        }
    }
}
