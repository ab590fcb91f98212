package org.ntk4j.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ntk4j.api.SpecException;

/**
 * Reads {@code .npy} files (format versions 1.0, 2.0, 3.0) holding float64 or float32 values in
 * C order, either byte order, into a float64 {@link Tensor}.
 *
 * <p>The data is streamed through a small buffer straight into the tensor's array, so reading
 * needs the array plus one megabyte, however large the file. Files above 2 GB are fine as long as
 * the values fit in one Java array ({@link Tensor#MAX_SIZE} values, 16 GB of float64).
 *
 * <p>Anything else — object arrays (which would need unpickling, never done here), integer,
 * complex or structured dtypes, Fortran order, bad magic, truncated or over-long files — is a
 * {@link SpecException} naming the file and what was found.
 */
public final class NpyReader {
    /** A multiple of 8 so float64 and float32 values never straddle two reads. */
    private static final int CHUNK_BYTES = 1 << 20;

    private NpyReader() {
    }

    /** Reads a whole {@code .npy} file. */
    public static Tensor read(Path path) {
        String place = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(channel, channel.size(), place);
        } catch (IOException e) {
            throw FileErrors.reading(place, e);
        }
    }

    static Tensor read(ReadableByteChannel in, long fileSize, String place) throws IOException {
        NpyHeader header = NpyHeader.read(in, fileSize, place);
        long count = header.size();
        int itemSize = header.dtype().itemSize();
        String layout = "shape " + header.shapeString() + " of '" + header.dtype().descr() + "'";
        if (count < 0 || count > Tensor.MAX_SIZE) {
            throw new SpecException(place, layout + " holds " + (count < 0 ? "more than 2^63" : Long.toString(count))
                    + " values; ntk4j reads at most " + Tensor.MAX_SIZE
                    + " values per file (one Java array) — split the input");
        }
        long expected = count * itemSize;
        long present = fileSize - header.dataOffset();
        if (present < expected) {
            throw new SpecException(place, "truncated data: " + layout + " needs " + expected
                    + " bytes after the " + header.dataOffset() + "-byte header, but only " + present
                    + " are present");
        }
        if (present > expected) {
            throw new SpecException(place, "shape/data length mismatch: " + layout + " needs " + expected
                    + " bytes after the " + header.dataOffset() + "-byte header, but the file holds " + present
                    + " (" + (present - expected) + " bytes too many)");
        }
        int[] shape = new int[header.shape().length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) header.shape()[i]; // each fits: their product does
        }
        double[] data = new double[(int) count];
        readValues(in, header.dtype(), data, place, expected);
        return Tensor.of(shape, data);
    }

    private static void readValues(ReadableByteChannel in, NpyDtype dtype, double[] data, String place,
            long expectedBytes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(CHUNK_BYTES, Math.max(expectedBytes, 8)))
                .order(dtype.order());
        int itemSize = dtype.itemSize();
        int filled = 0;
        while (filled < data.length) {
            buf.clear();
            long remainingBytes = (long) (data.length - filled) * itemSize;
            if (remainingBytes < buf.capacity()) {
                buf.limit((int) remainingBytes);
            }
            int got = NpyHeader.readFully(in, buf);
            if (buf.hasRemaining()) {
                // The size check passed, so the file shrank while being read.
                throw new SpecException(place, "truncated data: expected " + expectedBytes + " bytes of data, the file"
                        + " ended after " + ((long) filled * itemSize + got));
            }
            buf.flip();
            int n = got / itemSize;
            if (itemSize == 8) {
                DoubleBuffer doubles = buf.asDoubleBuffer();
                doubles.get(data, filled, n);
            } else {
                FloatBuffer floats = buf.asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    data[filled + i] = floats.get(i);
                }
            }
            filled += n;
        }
    }
}
