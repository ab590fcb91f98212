package org.ntk4j.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes a {@link Tensor} as a little-endian float64 C-order {@code .npy} file that
 * {@code numpy.load} reads: format version 1.0 with the header padded to a multiple of 64 bytes
 * exactly as numpy pads it, or 2.0 when the header is too long for 1.0. The file appears
 * atomically (see {@link AtomicFiles}).
 */
public final class NpyWriter {
    private static final int CHUNK_VALUES = 1 << 14;

    private NpyWriter() {
    }

    public static void write(Path target, Tensor tensor) {
        AtomicFiles.write(target, out -> writeTo(out, tensor));
    }

    /** The file's bytes, header then data, onto any stream. */
    static void writeTo(OutputStream out, Tensor tensor) throws IOException {
        out.write(NpyHeader.encodeFloat64(tensor.shape()));
        double[] data = tensor.data();
        ByteBuffer buf = ByteBuffer.allocate(8 * Math.min(CHUNK_VALUES, Math.max(data.length, 1)))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < data.length; from += CHUNK_VALUES) {
            int n = Math.min(CHUNK_VALUES, data.length - from);
            buf.clear();
            buf.asDoubleBuffer().put(data, from, n);
            out.write(buf.array(), 0, n * 8);
        }
    }
}
