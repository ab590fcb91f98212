package org.ntk4j.api;

/**
 * Applies a coordinatewise activation's dual to a whole {@link KernelState}: every covariance
 * entry {@code k12} with the variances {@code k11, k22} of its two positions becomes
 * {@code E[φ(u)φ(v)]}, and the NTK is multiplied by {@code E[φ'(u)φ'(v)]}. Shared by activation
 * layers and recurrent layers.
 */
public final class Pointwise {

    /** Entries handed to the dual at once: large enough to amortise calls, small enough for cache. */
    private static final int CHUNK = 2048;
    /** Runs shorter than this go through {@link #CHUNK}-sized batches instead. */
    private static final int MIN_RUN = 32;

    private Pointwise() {
    }

    /** Applies {@code dual} to the state in place and returns it. */
    public static KernelState apply(KernelState s, DualActivation dual) {
        return apply(s, dual, null);
    }

    /**
     * An update of the cross covariances and NTK entries {@code [from, from + n)} (ntk may be null),
     * made just before the dual reads them: a preceding linear layer fused into the activation, so
     * that each row is updated and transformed while it is in cache.
     */
    @FunctionalInterface
    public interface RunUpdate {
        void apply(double[] cross, double[] ntk, int from, int n);
    }

    /**
     * {@link #apply(KernelState, DualActivation)} with {@code before} applied to every cross entry
     * first (null: none). The own covariances must already be in their updated form: the dual reads
     * its variances from them.
     */
    public static KernelState apply(KernelState s, DualActivation dual, RunUpdate before) {
        // Cross terms first: they read the input variances, which the self update overwrites.
        applyCross(s, dual, before);
        applySelf(s.self1(), s.n1(), s, dual);
        applySelf(s.self2(), s.n2(), s, dual);
        return s;
    }

    private static void applyCross(KernelState s, DualActivation dual, RunUpdate before) {
        int size = s.positions();
        int n2 = s.n2();
        double[] cross = s.cross();
        double[] ntk = s.ntk();
        double[] var1 = diagonals(s.self1(), s.n1(), s);
        double[] var2 = diagonals(s.self2(), n2, s);
        switch (s.mode()) {
            // One run per row of the cross matrix: x1's variance is fixed along it.
            case NONE -> {
                for (int i = 0; i < s.n1(); i++) {
                    if (before != null) {
                        before.apply(cross, ntk, i * n2, n2);
                    }
                    dual.applyRun(var1[i], var2, 0, cross, i * n2, n2, ntk);
                }
            }
            // One run per (pair, position p): the variance of x1 at p is fixed along q. Short runs
            // (a few positions) would cost more in calls than they save in copies: batch those.
            case FULL -> {
                if (size < MIN_RUN) {
                    applyGatheredCross(s, dual, var1, var2, before);
                    return;
                }
                int idx = 0;
                for (int i = 0; i < s.n1(); i++) {
                    for (int j = 0; j < n2; j++) {
                        for (int p = 0; p < size; p++) {
                            if (before != null) {
                                before.apply(cross, ntk, idx, size);
                            }
                            dual.applyRun(var1[i * size + p], var2, j * size, cross, idx, size, ntk);
                            idx += size;
                        }
                    }
                }
            }
            case DIAGONAL -> applyGatheredCross(s, dual, var1, var2, before);
        }
    }

    /**
     * Entries gathered into batches with both variances: DIAGONAL mode, where both change from entry
     * to entry, and FULL mode with short runs.
     */
    private static void applyGatheredCross(KernelState s, DualActivation dual, double[] var1, double[] var2,
                                           RunUpdate before) {
        int size = s.positions();
        int n2 = s.n2();
        double[] cross = s.cross();
        double[] ntk = s.ntk();
        if (before != null) {
            before.apply(cross, ntk, 0, cross.length);
        }
        boolean full = s.mode() == KernelState.Positions.FULL;
        Buffers b = new Buffers(ntk != null);
        // Entries are visited in storage order, so each chunk is a contiguous run of cross[].
        int fill = 0;
        int start = 0;
        int idx = 0;
        for (int i = 0; i < s.n1(); i++) {
            for (int j = 0; j < n2; j++) {
                for (int p = 0; p < size; p++) {
                    double v1 = var1[i * size + p];
                    int qFrom = full ? 0 : p;
                    int qTo = full ? size : p + 1;
                    for (int q = qFrom; q < qTo; q++) {
                        b.k11[fill] = v1;
                        b.k22[fill] = var2[j * size + q];
                        b.k12[fill] = cross[idx++];
                        if (++fill == CHUNK) {
                            flush(b, fill, start, cross, ntk, dual);
                            start += fill;
                            fill = 0;
                        }
                    }
                }
            }
        }
        if (fill > 0) {
            flush(b, fill, start, cross, ntk, dual);
        }
    }

    private static void flush(Buffers b, int n, int start, double[] cross, double[] ntk, DualActivation dual) {
        dual.compute(b.k11, b.k22, b.k12, n, b.cov, b.dot);
        System.arraycopy(b.cov, 0, cross, start, n);
        if (ntk != null) {
            for (int k = 0; k < n; k++) {
                ntk[start + k] *= b.dot[k];
            }
        }
    }

    /** The variances of every input at every position, {@code count × S}. */
    private static double[] diagonals(double[] self, int count, KernelState s) {
        if (s.ownEntrySize() == s.positions()) {
            return self.clone();
        }
        int size = s.positions();
        int e = s.ownEntrySize();
        double[] d = new double[count * size];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < size; p++) {
                d[i * size + p] = self[i * e + s.ownDiagonalOffset(p)];
            }
        }
        return d;
    }

    private static void applySelf(double[] self, int count, KernelState s, DualActivation dual) {
        boolean full = s.mode() == KernelState.Positions.FULL && !s.ownDiagonalOnly();
        if (full && s.positions() >= MIN_RUN) {
            // Row p of each input's P×P covariance is one run; the variances are the old diagonal.
            int size = s.positions();
            double[] var = diagonals(self, count, s);
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < size; p++) {
                    dual.applyRun(var[i * size + p], var, i * size, self, (i * size + p) * size, size, null);
                }
            }
            return;
        }
        // Gathered batches: each entry with the old variances of its two positions (in DIAGONAL
        // mode and for diagonal-only own covariances, both are the entry itself).
        int e = s.ownEntrySize();
        int size = s.positions();
        double[] old = self.clone();
        Buffers b = new Buffers(false);
        int total = count * e;
        for (int start = 0; start < total; start += CHUNK) {
            int n = Math.min(CHUNK, total - start);
            for (int k = 0; k < n; k++) {
                int idx = start + k;
                int i = idx / e;
                int off = idx - i * e;
                int p = full ? off / size : off;
                int q = full ? off - p * size : off;
                b.k11[k] = old[i * e + s.ownDiagonalOffset(p)];
                b.k22[k] = old[i * e + s.ownDiagonalOffset(q)];
                b.k12[k] = old[idx];
            }
            dual.compute(b.k11, b.k22, b.k12, n, b.cov, null);
            System.arraycopy(b.cov, 0, self, start, n);
        }
    }

    private static final class Buffers {
        final double[] k11 = new double[CHUNK];
        final double[] k22 = new double[CHUNK];
        final double[] k12 = new double[CHUNK];
        final double[] cov = new double[CHUNK];
        final double[] dot;

        Buffers(boolean withDot) {
            dot = withDot ? new double[CHUNK] : null;
        }
    }
}
