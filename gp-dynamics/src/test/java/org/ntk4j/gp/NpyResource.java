package org.ntk4j.gp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a little-endian float64, C-ordered {@code .npy} test resource (the only kind the tests store). */
final class NpyResource {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    final int[] shape;
    final double[] data;

    private NpyResource(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    static NpyResource load(String path) {
        try (InputStream in = NpyResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return parse(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NpyResource loadFile(java.nio.file.Path file) {
        try {
            return parse(file.toString(), java.nio.file.Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NpyResource parse(String path, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.get() != (byte) 0x93 || buf.get() != 'N') {
            throw new IllegalArgumentException(path + " is not a .npy file");
        }
        buf.position(6);
        int major = buf.get();
        buf.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        byte[] header = new byte[headerLength];
        buf.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        if (!h.contains("'<f8'") || !h.contains("'fortran_order': False")) {
            throw new IllegalArgumentException(path + ": expected C-ordered <f8, header " + h);
        }
        Matcher m = SHAPE.matcher(h);
        if (!m.find()) {
            throw new IllegalArgumentException(path + ": no shape in header " + h);
        }
        String[] parts = m.group(1).split(",");
        int count = 0;
        int[] dims = new int[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                dims[count++] = Integer.parseInt(p.trim());
            }
        }
        int[] shape = java.util.Arrays.copyOf(dims, count);
        double[] data = new double[buf.remaining() / 8];
        buf.asDoubleBuffer().get(data);
        return new NpyResource(shape, data);
    }

    DenseMatrix matrix() {
        if (shape.length != 2) {
            throw new IllegalStateException("not 2-D: " + java.util.Arrays.toString(shape));
        }
        return new DenseMatrix(shape[0], shape[1], data);
    }

    /** Slice {@code index} along the first axis of a 3-D array, as a matrix. */
    DenseMatrix slice(int index) {
        int rows = shape[1];
        int cols = shape[2];
        double[] d = java.util.Arrays.copyOfRange(data, index * rows * cols, (index + 1) * rows * cols);
        return new DenseMatrix(rows, cols, d);
    }
}
