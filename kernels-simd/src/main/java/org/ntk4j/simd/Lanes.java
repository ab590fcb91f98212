package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loads and stores for batches walked one vector at a time, the last vector masked (a batch of 1, 3
 * or 1001 pairs runs the same lane arithmetic as a full one; masked-off lanes read zeros, which
 * every dual maps to finite values, and are never stored).
 *
 * <p>Each dual keeps its own loop rather than sharing one that calls back into it: a shared loop's
 * call site would see every dual, stop being inlined, and the vectors would be boxed on the heap.
 * For the same reason a dual's per-vector method takes arrays and an index, never vectors: while the
 * loop is still C1 code and the method already C2 code (the first seconds of a run), vectors passed
 * between them would be boxed objects.
 */
final class Lanes {

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LENGTH = SPECIES.length();

    private Lanes() {
    }

    /** The mask of the tail vector starting at {@code i}, for a batch of {@code n}. */
    static VectorMask<Double> tail(int i, int n) {
        return SPECIES.indexInRange(i, n);
    }

    /** Loads every lane when {@code m == null}, else the lanes of the tail mask (zeros elsewhere). */
    static DoubleVector load(double[] a, int i, VectorMask<Double> m) {
        return m == null ? DoubleVector.fromArray(SPECIES, a, i) : DoubleVector.fromArray(SPECIES, a, i, m);
    }

    /** Stores every lane when {@code m == null}, else the lanes of the tail mask. */
    static void store(DoubleVector v, double[] a, int i, VectorMask<Double> m) {
        if (m == null) {
            v.intoArray(a, i);
        } else {
            v.intoArray(a, i, m);
        }
    }

    static void checkBatch(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
        if (n < 0 || k11.length < n || k22.length < n || k12.length < n || cov.length < n
                || (dot != null && dot.length < n)) {
            throw new IllegalArgumentException("batch of " + n + " pairs does not fit arrays of lengths "
                    + k11.length + ", " + k22.length + ", " + k12.length + " -> " + cov.length
                    + (dot == null ? "" : ", " + dot.length));
        }
    }

    static void checkRun(double[] k22, int k22From, double[] cov, int from, int n, double[] ntk) {
        if (n < 0 || k22From < 0 || from < 0 || k22From + n > k22.length || from + n > cov.length
                || (ntk != null && from + n > ntk.length)) {
            throw new IllegalArgumentException("run of " + n + " entries from " + from + " (variances from "
                    + k22From + ") does not fit arrays of lengths " + k22.length + ", " + cov.length
                    + (ntk == null ? "" : ", " + ntk.length));
        }
    }
}
