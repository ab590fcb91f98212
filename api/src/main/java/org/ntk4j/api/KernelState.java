package org.ntk4j.api;

import java.util.Arrays;

/**
 * The kernels of a block of inputs as they flow through the network: rows are {@code n1} inputs
 * from x1, columns {@code n2} inputs from x2.
 *
 * <p>Per pair of inputs it holds the NNGP cross covariance and (optionally) the NTK, and per input
 * its own covariance (what later layers need for variances and, with positions, for pooling and
 * attention). With positions ({@link #positions()} S &gt; 1) each entry is
 * <ul>
 *   <li>{@link Positions#FULL}: an S×S block over pairs of positions {@code (p, q)} at
 *       {@code p * S + q}, or</li>
 *   <li>{@link Positions#DIAGONAL}: S same-position entries at {@code p}, when no later layer mixes
 *       positions (Neural Tangents' "diagonal spatial" mode).</li>
 * </ul>
 * Layout: {@code cross[(i * n2 + j) * entry + e]}, {@code self1[i * own + e]},
 * {@code self2[j * own + e]} with {@code entry = }{@link #entrySize()} and {@code own = }
 * {@link #ownEntrySize()}: the same as {@code entry}, except in FULL mode with
 * {@link #ownDiagonalOnly()}, where each input keeps only its S variances (the engine's choice
 * when no layer reads more of them, see {@link OwnCovariance}).
 *
 * <p>Joint mode (for batch-coupled layers): x1 and x2 are stacked into one square block,
 * {@link #batchOf(int)} tells which batch each row came from.
 */
public final class KernelState {

    /** How pairs of positions are kept. */
    public enum Positions {
        /** Vectors: one entry per pair of inputs. */
        NONE,
        /** Only same-position covariances (S per pair). */
        DIAGONAL,
        /** All pairs of positions (S² per pair). */
        FULL
    }

    private final int n1;
    private final int n2;
    private final int[] spatial;
    private final int size;
    private final Positions mode;
    private final boolean ownDiagonalOnly;
    private int channels;
    private final double[] self1;
    private final double[] self2;
    private final double[] cross;
    private final double[] ntk;
    private final boolean[][] mask1;
    private final boolean[][] mask2;
    private final int[] batchOf;

    private KernelState(int n1, int n2, int[] spatial, Positions mode, boolean ownDiagonalOnly, int channels,
                        boolean withNtk, boolean[][] mask1, boolean[][] mask2, int[] batchOf) {
        this.n1 = n1;
        this.n2 = n2;
        this.spatial = spatial.clone();
        int s = 1;
        for (int v : spatial) {
            s *= v;
        }
        this.size = s;
        this.mode = spatial.length == 0 ? Positions.NONE : mode;
        if (this.mode == Positions.NONE && s != 1) {
            throw new IllegalArgumentException("positions NONE needs an empty spatial shape");
        }
        // Only FULL mode has off-diagonal own entries to leave out.
        this.ownDiagonalOnly = ownDiagonalOnly && this.mode == Positions.FULL;
        this.channels = channels;
        int e = entrySize();
        int own = ownEntrySize();
        this.self1 = new double[Math.multiplyExact(n1, own)];
        this.self2 = new double[Math.multiplyExact(n2, own)];
        this.cross = new double[Math.multiplyExact(Math.multiplyExact(n1, n2), e)];
        this.ntk = withNtk ? new double[cross.length] : null;
        this.mask1 = checkMask(mask1, n1, s);
        this.mask2 = checkMask(mask2, n2, s);
        this.batchOf = batchOf;
    }

    private static boolean[][] checkMask(boolean[][] m, int n, int s) {
        if (m == null) {
            return null;
        }
        if (m.length != n) {
            throw new IllegalArgumentException("mask has " + m.length + " rows, expected " + n);
        }
        for (boolean[] row : m) {
            if (row.length != s) {
                throw new IllegalArgumentException("mask row has " + row.length + " steps, expected " + s);
            }
        }
        return m;
    }

    /** A zeroed state. Masks (per input, per position; true = present) may be null. */
    public static KernelState create(int n1, int n2, int[] spatial, Positions mode, int channels,
                                     boolean withNtk, boolean[][] mask1, boolean[][] mask2) {
        return create(n1, n2, spatial, mode, false, channels, withNtk, mask1, mask2);
    }

    /** A zeroed state whose own covariances keep only variances when {@code ownDiagonalOnly} (FULL mode). */
    public static KernelState create(int n1, int n2, int[] spatial, Positions mode, boolean ownDiagonalOnly,
                                     int channels, boolean withNtk, boolean[][] mask1, boolean[][] mask2) {
        return new KernelState(n1, n2, spatial, mode, ownDiagonalOnly, channels, withNtk, mask1, mask2, null);
    }

    /** A zeroed square joint state over stacked inputs; {@code batchOf[i]} is row i's batch. */
    public static KernelState createJoint(int n, int[] spatial, Positions mode, int channels, boolean withNtk,
                                          boolean[][] mask, int[] batchOf) {
        if (batchOf.length != n) {
            throw new IllegalArgumentException("batchOf has " + batchOf.length + " entries, expected " + n);
        }
        return new KernelState(n, n, spatial, mode, false, channels, withNtk, mask, mask, batchOf.clone());
    }

    /**
     * A zeroed state for the same inputs with another spatial shape, mode, channel count or masks
     * (what pooling, flatten and recurrent layers return). Joint-mode batches and
     * {@link #ownDiagonalOnly()} carry over (the latter only into FULL mode).
     */
    public KernelState reshaped(int[] newSpatial, Positions newMode, int newChannels,
                                boolean[][] newMask1, boolean[][] newMask2) {
        return new KernelState(n1, n2, newSpatial, newMode, ownDiagonalOnly, newChannels, hasNtk(), newMask1, newMask2,
                batchOf);
    }

    /** A deep copy (branches of {@code sum} start from copies of the same state). */
    public KernelState copy() {
        KernelState s = new KernelState(n1, n2, spatial, mode, ownDiagonalOnly, channels, hasNtk(), mask1, mask2,
                batchOf);
        System.arraycopy(self1, 0, s.self1, 0, self1.length);
        System.arraycopy(self2, 0, s.self2, 0, self2.length);
        System.arraycopy(cross, 0, s.cross, 0, cross.length);
        if (ntk != null) {
            System.arraycopy(ntk, 0, s.ntk, 0, ntk.length);
        }
        return s;
    }

    public int n1() {
        return n1;
    }

    public int n2() {
        return n2;
    }

    /** Spatial shape (empty for vectors). */
    public int[] spatial() {
        return spatial.clone();
    }

    /** Number of positions S (1 for vectors). */
    public int positions() {
        return size;
    }

    public Positions mode() {
        return mode;
    }

    /** Finite channel count of the current representation (fan-in of the next weight layer). */
    public int channels() {
        return channels;
    }

    /** Sets the channel count after a layer that changes it (dense, conv with a width). */
    public void setChannels(int channels) {
        this.channels = channels;
    }

    /** Doubles per pair (and per input): 1, S or S². */
    public int entrySize() {
        return switch (mode) {
            case NONE -> 1;
            case DIAGONAL -> size;
            case FULL -> size * size;
        };
    }

    /** Offset of the variance of position p inside one entry. */
    public int diagonalOffset(int p) {
        return switch (mode) {
            case NONE -> 0;
            case DIAGONAL -> p;
            case FULL -> p * size + p;
        };
    }

    /**
     * True when {@link #self1()} and {@link #self2()} hold only the S variances of each input
     * ({@code [i * S + p]}) although the cross covariances are FULL: nothing downstream reads more.
     */
    public boolean ownDiagonalOnly() {
        return ownDiagonalOnly;
    }

    /** Doubles per input in {@link #self1()} and {@link #self2()}: {@link #entrySize()}, or S when diagonal only. */
    public int ownEntrySize() {
        return ownDiagonalOnly ? size : entrySize();
    }

    /** Offset of the variance of position p inside one input's own covariance. */
    public int ownDiagonalOffset(int p) {
        return ownDiagonalOnly ? p : diagonalOffset(p);
    }

    public boolean hasNtk() {
        return ntk != null;
    }

    /** Per-input covariances of x1 rows, {@code n1 × ownEntrySize}. Mutable. */
    public double[] self1() {
        return self1;
    }

    /** Per-input covariances of x2 columns, {@code n2 × ownEntrySize}. Mutable. */
    public double[] self2() {
        return self2;
    }

    /** NNGP cross covariances, {@code n1 × n2 × entrySize}. Mutable. */
    public double[] cross() {
        return cross;
    }

    /** NTK, same layout as {@link #cross()}; {@code null} when only the NNGP is computed. */
    public double[] ntk() {
        return ntk;
    }

    /** Variance of input i of x1 at position p. */
    public double var1(int i, int p) {
        return self1[i * ownEntrySize() + ownDiagonalOffset(p)];
    }

    /** Variance of input j of x2 at position p. */
    public double var2(int j, int p) {
        return self2[j * ownEntrySize() + ownDiagonalOffset(p)];
    }

    /** Presence mask of x1 row i (null when every position is present). */
    public boolean[] mask1(int i) {
        return mask1 == null ? null : mask1[i];
    }

    public boolean[] mask2(int j) {
        return mask2 == null ? null : mask2[j];
    }

    public boolean[][] masks1() {
        return mask1;
    }

    public boolean[][] masks2() {
        return mask2;
    }

    public boolean hasMasks() {
        return mask1 != null || mask2 != null;
    }

    /** True in joint mode (x1 and x2 stacked, batch-coupled layers present). */
    public boolean isJoint() {
        return batchOf != null;
    }

    /** The batch (0 = x1, 1 = x2) of row i in joint mode. */
    public int batchOf(int i) {
        return batchOf[i];
    }

    @Override
    public String toString() {
        return "KernelState[" + n1 + "×" + n2 + ", spatial=" + Arrays.toString(spatial) + ", " + mode
                + (ownDiagonalOnly ? ", own diagonal only" : "")
                + ", channels=" + channels + (ntk != null ? ", ntk" : "") + (batchOf != null ? ", joint" : "") + "]";
    }
}
