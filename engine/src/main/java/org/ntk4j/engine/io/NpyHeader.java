package org.ntk4j.engine.io;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntk4j.api.SpecException;

/**
 * The header of a {@code .npy} file (format versions 1.0, 2.0 and 3.0, as specified in
 * numpy's {@code numpy/lib/format.py} documentation): magic bytes, version, header length, and a
 * Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}.
 */
record NpyHeader(int major, int minor, NpyDtype dtype, long[] shape, long dataOffset) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads headers so the data starts on a 64-byte boundary (ARRAY_ALIGN). */
    static final int ALIGN = 64;
    /** numpy reserves this many digits after the shape so arrays can grow in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Far above any real header (numpy itself refuses more than 10000 by default). */
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int V1_LIMIT = 0xFFFF;

    /** Number of values the shape holds (1 for a 0-d array), or -1 when that overflows a long. */
    long size() {
        long size = 1;
        for (long d : shape) {
            if (d != 0 && size > Long.MAX_VALUE / d) {
                return -1;
            }
            size *= d;
        }
        return size;
    }

    String shapeString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * Reads and validates the header from the start of {@code in}, leaving the channel at the
     * first data byte.
     */
    static NpyHeader read(ReadableByteChannel in, long fileSize, String place) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(8);
        int got = readFully(in, prefix);
        byte[] start = java.util.Arrays.copyOf(prefix.array(), got);
        for (int i = 0; i < Math.min(got, MAGIC.length); i++) {
            if (start[i] != MAGIC[i]) {
                throw new SpecException(place, "not a .npy file: expected the magic bytes \\x93NUMPY at the start,"
                        + " found " + printable(start, Math.min(got, MAGIC.length)));
            }
        }
        if (got < 8) {
            throw new SpecException(place, "truncated header: expected at least 10 bytes, found " + got);
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw new SpecException(place, "unsupported .npy format version " + major + "." + minor
                    + "; ntk4j reads versions 1.0, 2.0 and 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer lenBuf = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        int gotLen = readFully(in, lenBuf);
        if (gotLen < lengthBytes) {
            throw new SpecException(place, "truncated header: expected at least " + (8 + lengthBytes)
                    + " bytes, found " + (8 + gotLen));
        }
        lenBuf.flip();
        long headerLength = major == 1 ? (lenBuf.getShort() & 0xFFFF) : (lenBuf.getInt() & 0xFFFFFFFFL);
        long prefixLength = 8 + lengthBytes;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new SpecException(place, "the header announces " + headerLength + " bytes; ntk4j refuses"
                    + " headers above " + MAX_HEADER_BYTES + " bytes as malformed");
        }
        ByteBuffer body = ByteBuffer.allocate((int) headerLength);
        int gotBody = readFully(in, body);
        if (gotBody < headerLength) {
            throw new SpecException(place, "truncated header: expected " + headerLength + " header bytes after the "
                    + prefixLength + "-byte prefix, found " + gotBody + " (file size " + fileSize + " bytes)");
        }
        // Versions 1 and 2 store the dict in latin-1, version 3 in UTF-8.
        String text = new String(body.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return interpret(text, major, minor, prefixLength + headerLength, place);
    }

    private static NpyHeader interpret(String text, int major, int minor, long dataOffset, String place) {
        Object parsed;
        try {
            parsed = PythonLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SpecException(place, "cannot parse the .npy header " + quote(text) + ": " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new SpecException(place, "the .npy header is not a dict: " + quote(text));
        }
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new SpecException(place, "the .npy header has keys " + PythonLiteral.repr(new java.util.ArrayList<>(dict.keySet()))
                    + "; expected exactly 'descr', 'fortran_order' and 'shape'");
        }
        NpyDtype dtype = NpyDtype.parse(dict.get("descr"), place);
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw new SpecException(place, "the header's fortran_order is " + PythonLiteral.repr(fortran) + ", expected True or False");
        }
        if ((Boolean) fortran) {
            throw new SpecException(place, "the array is stored in Fortran (column-major) order"
                    + " (fortran_order: True); ntk4j reads C order only — save np.ascontiguousarray(x)");
        }
        return new NpyHeader(major, minor, dtype, shape(dict.get("shape"), place), dataOffset);
    }

    private static long[] shape(Object value, String place) {
        if (!(value instanceof PythonLiteral.Tuple tuple)) {
            throw new SpecException(place, "the header's shape is " + PythonLiteral.repr(value) + ", expected a tuple of integers");
        }
        List<Object> items = tuple.items();
        long[] shape = new long[items.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(items.get(i) instanceof BigInteger d) || d.signum() < 0 || d.bitLength() > 62) {
                throw new SpecException(place, "the header's shape " + PythonLiteral.repr(tuple)
                        + " has entry " + PythonLiteral.repr(items.get(i)) + ", expected a non-negative integer");
            }
            shape[i] = d.longValue();
        }
        return shape;
    }

    /** The complete header (prefix, dict, padding) for a little-endian float64 C-order array. */
    static byte[] encodeFloat64(int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': ")
                .append(Tensor.formatShape(shape)).append(", }");
        if (shape.length > 0) {
            // As numpy does: room for the first axis to grow to 21 digits without rewriting the data.
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length())));
        }
        return wrap(dict.toString());
    }

    /**
     * Frames a header dict as numpy's {@code _wrap_header}: version 1.0 when its length fits in
     * two bytes, else 2.0; spaces and a newline pad the data start to a multiple of 64.
     */
    static byte[] wrap(String dict) {
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1; // the closing newline
        int major = 1;
        int prefix = MAGIC.length + 2 + 2;
        int pad = ALIGN - (prefix + hlen) % ALIGN;
        if (hlen + pad > V1_LIMIT) {
            major = 2;
            prefix = MAGIC.length + 2 + 4;
            pad = ALIGN - (prefix + hlen) % ALIGN;
        }
        ByteBuffer out = ByteBuffer.allocate(prefix + hlen + pad).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) (hlen + pad));
        } else {
            out.putInt(hlen + pad);
        }
        out.put(text);
        for (int i = 0; i < pad; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** Reads until {@code buf} is full or the channel ends; returns the number of bytes read. */
    static int readFully(ReadableByteChannel in, ByteBuffer buf) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static String quote(String header) {
        String trimmed = header.strip();
        return trimmed.length() > 200 ? trimmed.substring(0, 200) + "…" : trimmed;
    }

    private static String printable(byte[] bytes, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return n == 0 ? "an empty file" : "'" + sb + "'";
    }
}
