package org.ntk4j.engine.compute;

/**
 * How to compute kernels.
 *
 * @param withNtk     compute the NTK as well as the NNGP
 * @param threads     worker threads (tiles run in parallel)
 * @param tileBytes   memory one tile's kernel state may use (bounds the working set)
 * @param progress    called after each tile with (done, total); may be null
 */
public record KernelOptions(boolean withNtk, int threads, long tileBytes, ProgressListener progress) {

    public static final long DEFAULT_TILE_BYTES = 24L << 20;

    public static KernelOptions defaults() {
        return new KernelOptions(true, Runtime.getRuntime().availableProcessors(), DEFAULT_TILE_BYTES, null);
    }

    public KernelOptions withNtk(boolean ntk) {
        return new KernelOptions(ntk, threads, tileBytes, progress);
    }

    public KernelOptions withThreads(int t) {
        return new KernelOptions(withNtk, Math.max(1, t), tileBytes, progress);
    }

    public KernelOptions withTileBytes(long bytes) {
        return new KernelOptions(withNtk, threads, bytes, progress);
    }

    public KernelOptions withProgress(ProgressListener p) {
        return new KernelOptions(withNtk, threads, tileBytes, p);
    }

    /** Receives progress of a long computation. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(long done, long total);
    }
}
