package org.ntk4j.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes a float64 {@code .npy} file tile by tile, so a result such as a 20000 × 20000 kernel
 * (3.2 GB) never has to be in memory at once.
 *
 * <p>The array's last two axes are rows × columns; any leading axes (e.g. the T in T × N × M) are
 * numbered together as <em>planes</em> in C order. A rank-1 shape {@code (n,)} is one row of n
 * columns. Tiles are written with positional {@link FileChannel} writes straight to their place
 * in the file, so several threads may call {@link #writeTile} at once. The file is memory-mapped:
 * a tile's rows are copies into the page cache, not one system call each (a 4000 × 4000 kernel in
 * 256 × 256 tiles is 32 000 row runs per file).
 *
 * <p>The data goes to a hidden temporary file in the target's folder. {@link #commit()} renames
 * it to the target atomically (after flushing it to disk with {@value #FSYNC_PROPERTY}=true); {@link #abort()}, or {@link #close()} without a
 * commit (an exception in a try-with-resources block), deletes it. Either the complete result
 * appears or nothing does.
 *
 * <pre>{@code
 * try (NpyTileWriter out = NpyTileWriter.create(Path.of("ntk.npy"), n1, n2)) {
 *     tiles.parallelStream().forEach(t -> out.writeTile(t.row0, t.col0, t.rows, t.cols, t.values));
 *     out.commit();
 * }
 * }</pre>
 */
public final class NpyTileWriter implements AutoCloseable {
    /**
     * System property: {@code true} flushes the data to the disk ({@code msync} + {@code fsync})
     * before the rename, so that a renamed file survives a power loss. Off by default: it costs a
     * quarter of a second per 128 MB, and without it the rename still never shows a partial file
     * to readers, even after the process is killed (numpy's {@code save} does not sync either).
     */
    public static final String FSYNC_PROPERTY = "ntk4j.fsync";

    /** Values per mapped segment (1 GiB of file); a mapping is limited to 2 GiB. */
    private static final long SEGMENT_VALUES = 1L << 27;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final int[] shape;
    private final long planes;
    private final int rows;
    private final int cols;
    private final long dataOffset;
    private final long size;
    private final MappedByteBuffer[] segments;
    /** Little-endian double views of {@link #segments}; absolute puts only, so threads may share them. */
    private final DoubleBuffer[] views;
    private final AtomicLong valuesWritten = new AtomicLong();
    /** Tile writes share it; commit and abort take it exclusively so no write is in flight. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private State state = State.OPEN;

    private NpyTileWriter(Path target, Path temp, FileChannel channel, int[] shape, long dataOffset)
            throws IOException {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.shape = shape;
        this.dataOffset = dataOffset;
        int rank = shape.length;
        this.rows = rank >= 2 ? shape[rank - 2] : 1;
        this.cols = shape[rank - 1];
        long p = 1;
        for (int i = 0; i < rank - 2; i++) {
            p *= shape[i];
        }
        this.planes = p;
        this.size = planes * rows * cols;
        int count = (int) ((size + SEGMENT_VALUES - 1) / SEGMENT_VALUES);
        this.segments = new MappedByteBuffer[count];
        this.views = new DoubleBuffer[count];
        for (int k = 0; k < count; k++) {
            long first = k * SEGMENT_VALUES;
            long values = Math.min(SEGMENT_VALUES, size - first);
            segments[k] = channel.map(FileChannel.MapMode.READ_WRITE, dataOffset + 8 * first, 8 * values);
            views[k] = segments[k].order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        }
    }

    /**
     * Creates the temporary file with the header and room for all values (zeros until written).
     *
     * @param shape at least one axis, none negative
     */
    public static NpyTileWriter create(Path target, int... shape) {
        int[] copy = shape.clone();
        if (copy.length == 0) {
            throw new IllegalArgumentException("a tiled .npy needs at least one axis");
        }
        long size = 1;
        for (int d : copy) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Tensor.formatShape(copy));
            }
            size = Math.multiplyExact(size, d);
        }
        byte[] header = NpyHeader.encodeFloat64(copy);
        Path temp = AtomicFiles.createTempBeside(target);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
            writeFully(channel, ByteBuffer.wrap(header), 0);
            long end = header.length + Math.multiplyExact(size, 8L);
            if (end > header.length) {
                // Extends the file to its final length (sparse where the file system allows).
                writeFully(channel, ByteBuffer.wrap(new byte[1]), end - 1);
            }
            return new NpyTileWriter(target, temp, channel, copy, header.length);
        } catch (IOException e) {
            closeQuietly(channel);
            AtomicFiles.deleteQuietly(temp);
            throw FileErrors.writing(target.toString(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            AtomicFiles.deleteQuietly(temp);
            throw e;
        }
    }

    /** The shape of the array being written (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of planes: the product of all axes but the last two (1 for rank 1 and 2). */
    public long planes() {
        return planes;
    }

    /** A tile of a rank-1 or rank-2 array; see {@link #writeTile(long, int, int, int, int, double[])}. */
    public void writeTile(int row0, int col0, int tileRows, int tileCols, double[] values) {
        if (planes != 1) {
            throw new IllegalStateException("shape " + Tensor.formatShape(shape) + " has " + planes
                    + " planes; say which one");
        }
        writeTile(0, row0, col0, tileRows, tileCols, values);
    }

    /**
     * Writes the {@code tileRows × tileCols} block whose top-left value is at
     * {@code [plane, row0, col0]}, from the first {@code tileRows · tileCols} entries of
     * {@code values} in row-major order. Safe to call from several threads at once.
     */
    public void writeTile(long plane, int row0, int col0, int tileRows, int tileCols, double[] values) {
        checkTile(plane, row0, col0, tileRows, tileCols, values);
        lock.readLock().lock();
        try {
            requireOpen();
            long first = dataOffset + 8 * ((plane * rows + row0) * cols + col0);
            if (tileCols == cols) {
                // Whole rows are contiguous in the file: one run.
                writeRun(first, values, 0, tileRows * tileCols);
            } else {
                for (int r = 0; r < tileRows; r++) {
                    writeRun(first + 8L * r * cols, values, r * tileCols, tileCols);
                }
            }
            valuesWritten.addAndGet((long) tileRows * tileCols);
        } catch (InternalError e) {
            // A store into a mapped page the file system cannot back (typically a full disk) faults.
            throw FileErrors.writing(target.toString(), new IOException("the disk may be full (" + e.getMessage() + ")", e));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Flushes the data to disk and renames the temporary file to the target, replacing any
     * existing file.
     *
     * @throws IllegalStateException if fewer values were written than the array holds (a tile
     *     was forgotten); the writer stays open so that {@link #close()} removes the temporary file
     */
    public void commit() {
        lock.writeLock().lock();
        try {
            requireOpen();
            long written = valuesWritten.get();
            if (written < size) {
                throw new IllegalStateException("only " + written + " of the " + size + " values of "
                        + Tensor.formatShape(shape) + " were written to " + target);
            }
            try {
                if (Boolean.getBoolean(FSYNC_PROPERTY)) {
                    for (MappedByteBuffer segment : segments) {
                        segment.force();
                    }
                    channel.force(true);
                }
                channel.close();
                AtomicFiles.moveIntoPlace(temp, target);
                state = State.COMMITTED;
            } catch (IOException e) {
                discard();
                throw FileErrors.writing(target.toString(), e);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes the temporary file; the target is left as it was. Does nothing after a commit. */
    public void abort() {
        lock.writeLock().lock();
        try {
            if (state == State.OPEN) {
                discard();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        abort();
    }

    private void discard() {
        state = State.ABORTED;
        closeQuietly(channel);
        AtomicFiles.deleteQuietly(temp);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the writer of " + target + " is already "
                    + (state == State.COMMITTED ? "committed" : "aborted"));
        }
    }

    private void checkTile(long plane, int row0, int col0, int tileRows, int tileCols, double[] values) {
        if (plane < 0 || plane >= planes || row0 < 0 || col0 < 0 || tileRows < 0 || tileCols < 0
                || row0 + (long) tileRows > rows || col0 + (long) tileCols > cols) {
            throw new IndexOutOfBoundsException("tile plane " + plane + ", rows " + row0 + "+" + tileRows
                    + ", cols " + col0 + "+" + tileCols + " is outside " + planes + " plane(s) of "
                    + rows + " × " + cols);
        }
        if (values.length < (long) tileRows * tileCols) {
            throw new IllegalArgumentException("a " + tileRows + " × " + tileCols + " tile needs "
                    + (long) tileRows * tileCols + " values, got " + values.length);
        }
    }

    /** Copies {@code count} values to the file position {@code position} (bytes) through the mapping. */
    private void writeRun(long position, double[] values, int from, int count) {
        long index = (position - dataOffset) / 8;
        for (int done = 0; done < count; ) {
            int segment = (int) (index / SEGMENT_VALUES);
            int within = (int) (index - segment * SEGMENT_VALUES);
            int n = (int) Math.min(count - done, SEGMENT_VALUES - within);
            views[segment].put(within, values, from + done, n);
            done += n;
            index += n;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing after a failure: the first error is the one reported.
            }
        }
    }
}
