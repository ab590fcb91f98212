package org.ntk4j.engine.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds {@code .npy} byte layouts by hand, field by field, for the reader tests. */
final class NpyBytes {
    private NpyBytes() {
    }

    /** Magic, version {@code major}.0, length field, {@code dict} padded with spaces and '\n' to 64, then data. */
    static byte[] npy(int major, String dict, byte[] data) {
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthBytes + text.length + 1;
        int pad = (64 - unpadded % 64) % 64;
        int headerLength = text.length + pad + 1;
        ByteBuffer prefix = ByteBuffer.allocate(8 + lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            prefix.putShort((short) headerLength);
        } else {
            prefix.putInt(headerLength);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.array());
        out.writeBytes(text);
        out.writeBytes(" ".repeat(pad).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }";
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            buf.putFloat(v);
        }
        return buf.array();
    }
}
