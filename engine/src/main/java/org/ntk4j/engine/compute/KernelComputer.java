package org.ntk4j.engine.compute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Ntk4jException;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.linalg.LinearAlgebra;

/**
 * Computes the kernels of a network for x1 against x2 in tiles: each tile is an independent block
 * of input pairs run through every layer, so memory stays near one tile per thread (plus whatever
 * the sink keeps), and tiles run in parallel. With x2 = x1 only the upper triangle of tiles is
 * computed and mirrored. Batch-coupled networks (batchNorm) are computed jointly instead.
 */
public final class KernelComputer {

    /**
     * Largest tile side: 512 × 512 pairs of vectors (4 MB of NNGP and NTK) ran the depth-10 relu MLP
     * at N = 4000 ~5% faster than 256 × 256 (fewer Gram calls, tile hand-overs and transposes).
     */
    private static final int MAX_TILE = 512;
    /** Tiles are not split below this side to make more of them. */
    private static final int MIN_SPLIT_TILE = 64;
    /** Tile side that keeps the own-covariance overhead of FULL-own tiles near 2/8 = 25%. */
    private static final int FULL_OWN_TILE = 8;

    private final Layer network;
    private final KernelOptions options;
    private final LinearAlgebra linearAlgebra;

    /** @param linearAlgebra computes the input Gram matrix of vector inputs (null: plain loops) */
    public KernelComputer(Layer network, KernelOptions options, LinearAlgebra linearAlgebra) {
        this.network = network;
        this.options = options;
        this.linearAlgebra = linearAlgebra;
    }

    /**
     * Checks that x1 (and x2) fit the network and returns the network's output shape.
     *
     * @throws SpecException naming the input or layer that does not fit
     */
    public Shape check(Inputs x1, Inputs x2) {
        if (x2 != null && x2 != x1) {
            if (!Arrays.equals(x1.spatial(), x2.spatial()) || x1.channels() != x2.channels()) {
                throw new SpecException(x2.name(), "each input has shape " + x2.shape1() + ", but x1 ("
                        + x1.name() + ") has " + x1.shape1() + "; x1 and x2 must match per input");
            }
        }
        Shape out = network.outputShape(x1.shape1());
        if (!out.isVector()) {
            throw new SpecException("layers", "the network must end in a vector per input, but "
                    + Arrays.toString(out.spatial()) + " positions are left; end it with flatten, globalAvgPool, "
                    + "or a recurrent layer with output \"last\" or \"mean\", then dense");
        }
        return out;
    }

    /** Position bookkeeping the architecture needs: full covariances only if something mixes positions. */
    public Positions positionsMode(Inputs x) {
        if (x.spatial().length == 0) {
            return Positions.NONE;
        }
        return network.needsPositionCovariance() ? Positions.FULL : Positions.DIAGONAL;
    }

    /**
     * True when no layer reads more of each input's own covariance than its variances (the last
     * layer's output's own covariance is read by nobody): tiles then carry S own values per input
     * instead of S², a third of the work of a one-pair tile for a deep CNN.
     */
    boolean ownDiagonalOnly(Positions mode) {
        return mode == Positions.FULL && network.ownCovarianceRead(OwnCovariance.UNUSED) != OwnCovariance.FULL;
    }

    /** Computes everything into {@code sink}; {@code x2 == null} means x2 = x1. */
    public void compute(Inputs x1, Inputs x2, KernelSink sink) {
        check(x1, x2);
        boolean same = x2 == null || x2 == x1;
        Inputs b = same ? x1 : x2;
        Positions mode = positionsMode(x1);
        if (network.isBatchCoupled()) {
            computeJoint(x1, b, same, mode, sink);
        } else {
            computeTiles(x1, b, same, mode, sink);
        }
    }

    /** Kernel entries the job computes, all pairs times the doubles kept per pair: its size. */
    public long entries(Inputs x1, Inputs x2) {
        long pairs = (long) x1.count() * (x2 == null ? x1.count() : x2.count());
        return pairs * entrySize(x1, positionsMode(x1));
    }

    private static long entrySize(Inputs x, Positions mode) {
        long s = x.positions();
        return switch (mode) {
            case NONE -> 1;
            case DIAGONAL -> s;
            case FULL -> s * s;
        };
    }

    private long bytesPerPair(Inputs x, Positions mode) {
        long entry = entrySize(x, mode);
        // cross + ntk + the per-input blocks and scratch a layer may allocate alongside.
        return entry * 8L * (options.withNtk() ? 4 : 3);
    }

    private void computeTiles(Inputs a, Inputs b, boolean same, Positions mode, KernelSink sink) {
        long perPair = bytesPerPair(a, mode);
        long heap = Runtime.getRuntime().maxMemory();
        if (perPair * 4 * options.threads() > heap) {
            throw new SpecException("inputs", String.format(
                    "one pair of inputs needs %.1f MB of covariance over %d positions, more than this heap allows "
                            + "(%d MB for %d threads); raise -Xmx (JAVA_OPTS) or use fewer --threads",
                    perPair / 1e6, a.positions(), heap >> 20, options.threads()));
        }
        int tile = (int) Math.max(1, Math.min(MAX_TILE, Math.sqrt((double) options.tileBytes() / perPair)));
        // Enough tiles for every thread to stay busy to the end (one tile can be a tenth of the job).
        while (tile > MIN_SPLIT_TILE && jobCount(a.count(), b.count(), tile, same) < 4L * options.threads()) {
            tile = (tile + 1) / 2;
        }
        boolean ownDiagonalOnly = ownDiagonalOnly(mode);
        if (mode == Positions.FULL && !ownDiagonalOnly && tile < FULL_OWN_TILE) {
            // Every tile recomputes the full own covariances of its 2t inputs beside its t² pairs:
            // with entries of megabytes (32×32 images) one-pair tiles would triple the work. Take
            // larger tiles as far as a third of the heap per thread allows.
            long perThread = heap / (3L * options.threads());
            tile = (int) Math.max(tile, Math.min(FULL_OWN_TILE, Math.sqrt((double) perThread / perPair)));
        }
        int rowTiles = (a.count() + tile - 1) / tile;
        int colTiles = (b.count() + tile - 1) / tile;
        List<int[]> jobs = new ArrayList<>();
        for (int r = 0; r < rowTiles; r++) {
            for (int c = same ? r : 0; c < colTiles; c++) {
                jobs.add(new int[]{r, c});
            }
        }
        AtomicLong done = new AtomicLong();
        Runnable restore = linearAlgebra != null && options.threads() > 1 ? linearAlgebra.singleThreaded() : () -> { };
        try {
            runTiles(a, b, same, mode, ownDiagonalOnly, sink, tile, jobs, done);
        } finally {
            restore.run();
        }
    }

    /** Tiles of side {@code tile} over an n1 × n2 result (the upper triangle when x2 = x1). */
    private static long jobCount(int n1, int n2, int tile, boolean same) {
        long rows = (n1 + tile - 1) / tile;
        long cols = (n2 + tile - 1) / tile;
        return same ? rows * (rows + 1) / 2 : rows * cols;
    }

    private void runTiles(Inputs a, Inputs b, boolean same, Positions mode, boolean ownDiagonalOnly, KernelSink sink,
                          int tile, List<int[]> jobs, AtomicLong done) {
        runAll(jobs.stream().map(job -> (Runnable) () -> {
            int r0 = job[0] * tile;
            int r1 = Math.min(a.count(), r0 + tile);
            int c0 = job[1] * tile;
            int c1 = Math.min(b.count(), c0 + tile);
            KernelState s = network.apply(InputKernel.initial(a, r0, r1, b, c0, c1, mode, ownDiagonalOnly,
                    options.withNtk(), linearAlgebra));
            deliver(s, r0, c0, same && job[0] == job[1], same && job[0] != job[1], sink);
            synchronized (done) { // callbacks in order, so "done" never goes backwards
                report(done.incrementAndGet(), jobs.size());
            }
        }).toList());
    }

    private void computeJoint(Inputs a, Inputs b, boolean same, Positions mode, KernelSink sink) {
        Inputs all = same ? a : a.stack(b);
        long n = all.count();
        long bytes = n * n * bytesPerPair(a, mode);
        if (bytes * 2 > Runtime.getRuntime().maxMemory()) {
            throw new SpecException("inputs", String.format("a batch-coupled network (batchNorm) computes x1 and x2 "
                    + "jointly: %d inputs need %.1f GB, more than half this heap; raise -Xmx (JAVA_OPTS) or use smaller batches",
                    n, bytes / 1e9));
        }
        int[] batchOf = new int[(int) n];
        for (int i = a.count(); i < n; i++) {
            batchOf[i] = 1;
        }
        KernelState s = network.apply(InputKernel.joint(all, mode, options.withNtk(), batchOf));
        int n2 = s.n2();
        int rows = a.count();
        int col0 = same ? 0 : a.count();
        int cols = b.count();
        double[] k = new double[rows * cols];
        double[] t = options.withNtk() ? new double[rows * cols] : null;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(s.cross(), i * n2 + col0, k, i * cols, cols);
            if (t != null) {
                System.arraycopy(s.ntk(), i * n2 + col0, t, i * cols, cols);
            }
        }
        if (same) {
            symmetrise(k, rows);
            if (t != null) {
                symmetrise(t, rows);
            }
        }
        sink.accept(0, 0, rows, cols, k, t);
        report(1, 1);
    }

    private void deliver(KernelState s, int r0, int c0, boolean diagonal, boolean mirror, KernelSink sink) {
        if (s.mode() != Positions.NONE) {
            throw new IllegalStateException("network ended with positions; check() should have refused it");
        }
        int rows = s.n1();
        int cols = s.n2();
        // The tile's state ends here: its arrays go to the sink as they are (no copies).
        double[] k = s.cross();
        double[] t = s.ntk();
        if (diagonal) {
            // Both triangles come from the same formulas, but the dual's arguments arrive swapped:
            // copy one triangle so that K(x, x') = K(x', x) holds exactly.
            symmetrise(k, rows);
            if (t != null) {
                symmetrise(t, rows);
            }
        }
        // Transposed before the sink owns the originals.
        double[] kMirror = mirror ? transpose(k, rows, cols) : null;
        double[] tMirror = mirror && t != null ? transpose(t, rows, cols) : null;
        sink.accept(r0, c0, rows, cols, k, t);
        if (mirror) {
            sink.accept(c0, r0, cols, rows, kMirror, tMirror);
        }
    }

    private static void symmetrise(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i * n + j] = m[j * n + i];
            }
        }
    }

    private static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[m.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = m[i * cols + j];
            }
        }
        return t;
    }

    private void report(long done, long total) {
        if (options.progress() != null) {
            options.progress().onProgress(done, total);
        }
    }

    private void runAll(List<Runnable> jobs) {
        if (options.threads() <= 1 || jobs.size() <= 1) {
            jobs.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), jobs.size()), r -> {
            Thread t = new Thread(r, "ntk4j-tile");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable j : jobs) {
                futures.add(pool.submit(j));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ntk4jException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new Ntk4jException("kernel computation failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
    }
}
