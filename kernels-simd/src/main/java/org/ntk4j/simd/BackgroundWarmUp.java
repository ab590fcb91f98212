package org.ntk4j.simd;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Gets a dual's vector code compiled before the kernels need it. A cold dual sends only one vector
 * per batch through its vector code ({@link WarmUp}), so C2 sees few calls and compiles late: on
 * this project's 2-core reference machine a 4000-input relu MLP ran its first second on the scalar
 * twin, ten times slower per pair. Once an architecture asks for a SIMD dual, a daemon thread runs
 * the dual's vector paths on a synthetic batch until the dual turns hot, or for at most
 * {@link #LIMIT_NANOS}, while the engine reads inputs and computes the first Gram tiles.
 *
 * <p>Results do not depend on it: hot and cold duals give the same bits. {@code -Dntk4j.warmup=false}
 * turns it off.
 */
final class BackgroundWarmUp {

    /** System property: {@code false} turns background warm-up off. */
    static final String PROPERTY = "ntk4j.warmup";
    static final long LIMIT_NANOS = 3_000_000_000L;
    private static final int BATCH = 1024;
    /** Pairs of each {@code compute} call that lets the dual time itself (enough for a scalar timing). */
    private static final int TIMED = 256;

    private static final Set<WarmableDual> STARTED = ConcurrentHashMap.newKeySet();
    private static final Queue<Thread> THREADS = new ConcurrentLinkedQueue<>();

    private BackgroundWarmUp() {
    }

    /** Starts warming {@code dual} up unless that was done before (or is turned off). */
    static void start(WarmableDual dual) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || dual.isWarm() || !STARTED.add(dual)) {
            return;
        }
        Thread t = new Thread(() -> run(dual), "ntk4j-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        THREADS.add(t);
        t.start();
    }

    /** Waits for every warm-up started so far to end, at most {@code maxMillis} in all. */
    static void awaitAll(long maxMillis) {
        long end = System.nanoTime() + maxMillis * 1_000_000L;
        for (Thread t : THREADS) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Exercises the vector code, then lets the dual time itself, until it is warm or time is up. */
    static void run(WarmableDual dual) {
        double[] k11 = new double[BATCH];
        double[] k22 = new double[BATCH];
        double[] k12 = new double[BATCH];
        double[] cov = new double[BATCH];
        double[] dot = new double[BATCH];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < BATCH; i++) {
            k11[i] = 0.5 + random.nextDouble();
            k22[i] = 0.5 + random.nextDouble();
            // Mostly positive correlations (deep layers), some negative (first layers), a few ±1.
            double rho = i % 16 == 0 ? (i % 32 == 0 ? 1.0 : -1.0) : random.nextDouble() * 1.2 - 0.2;
            k12[i] = Math.max(-1.0, Math.min(1.0, rho)) * Math.sqrt(k11[i] * k22[i]);
        }
        long end = System.nanoTime() + LIMIT_NANOS;
        // Worker threads leave the probing to this thread meanwhile: they run scalar code only.
        dual.probeOnlyIn(Thread.currentThread());
        try {
            warm(dual, k11, k22, k12, cov, dot, end);
        } finally {
            dual.probeOnlyIn(null);
        }
    }

    private static void warm(WarmableDual dual, double[] k11, double[] k22, double[] k12, double[] cov, double[] dot,
                             long end) {
        while (!dual.isWarm() && System.nanoTime() < end) {
            for (int rep = 0; rep < 16; rep++) {
                dual.exercise(k11, k22, k12, cov, dot, BATCH);
            }
            dual.compute(k11, k22, k12, TIMED, cov, dot);
            for (int i = 0; i < TIMED; i++) {
                cov[i] = 0.5 * Math.sqrt(k11[0] * k22[i]);
            }
            dual.applyRun(k11[0], k22, 0, cov, 0, TIMED, dot);
        }
    }
}
