package org.ntk4j.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ntk4j.engine.io.NpyReader;
import org.ntk4j.engine.io.NpyWriter;
import org.ntk4j.engine.io.Tensor;

/** Data files for CLI tests. */
final class TestFiles {

    private TestFiles() {
    }

    static Path npy(Path dir, String name, int[] shape, long seed) {
        Random r = new Random(seed);
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = r.nextGaussian();
        }
        return npy(dir, name, Tensor.of(shape, d));
    }

    static Path npy(Path dir, String name, Tensor t) {
        Path p = dir.resolve(name);
        NpyWriter.write(p, t);
        return p;
    }

    static Tensor read(Path p) {
        return NpyReader.read(p);
    }

    static Path text(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A version-1 .npy header for any descr, followed by {@code dataBytes} zero bytes. */
    static Path rawNpy(Path dir, String name, String descr, String shape, int dataBytes) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }
}
