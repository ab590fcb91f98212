package org.ntk4j.engine.io;

import java.nio.ByteOrder;
import java.util.List;
import org.ntk4j.api.SpecException;

/**
 * The element types ntk4j reads from {@code .npy} files: IEEE float64 and float32, either byte
 * order. Everything else is refused with a message saying what the file holds and how to
 * convert it, because silently casting integers or dropping imaginary parts would hide mistakes.
 */
record NpyDtype(String descr, ByteOrder order, int itemSize) {
    static final NpyDtype FLOAT64_LE = new NpyDtype("<f8", ByteOrder.LITTLE_ENDIAN, 8);

    private static final String CONVERT = "; expected float64 or float32 ('<f8', '>f8', '<f4', '>f4')"
            + " — convert with np.save(path, x.astype(np.float64))";

    /**
     * Interprets a header's {@code descr} value.
     *
     * @param descr the parsed value: a string for plain dtypes, a list for structured ones
     */
    static NpyDtype parse(Object descr, String place) {
        if (descr instanceof List<?> || descr instanceof PythonLiteral.Tuple) {
            throw new SpecException(place, "structured dtype " + PythonLiteral.repr(descr) + " is not supported" + CONVERT);
        }
        if (!(descr instanceof String s) || s.isEmpty()) {
            throw new SpecException(place, "the header's 'descr' is " + PythonLiteral.repr(descr) + ", not a dtype string" + CONVERT);
        }
        char first = s.charAt(0);
        boolean hasOrder = first == '<' || first == '>' || first == '=' || first == '|';
        String code = hasOrder ? s.substring(1) : s;
        if (code.isEmpty()) {
            throw new SpecException(place, "dtype '" + s + "' names no type" + CONVERT);
        }
        char kind = code.charAt(0);
        if (kind == 'O') {
            throw new SpecException(place, "dtype '" + s + "' is an array of Python objects, which could only be"
                    + " read by unpickling; ntk4j never unpickles" + CONVERT);
        }
        String what = switch (kind) {
            case 'i', 'u' -> "integer";
            case 'b', '?' -> "boolean";
            case 'c' -> "complex";
            case 'V' -> "structured (void)";
            case 'U', 'S', 'a' -> "string";
            case 'M', 'm' -> "datetime";
            case 'f' -> null;
            default -> "unknown";
        };
        if (what != null) {
            throw new SpecException(place, what + " dtype '" + s + "' is not supported" + CONVERT);
        }
        int size = switch (code.substring(1)) {
            case "8" -> 8;
            case "4" -> 4;
            default -> throw new SpecException(place, "float dtype '" + s + "' (" + describeWidth(code)
                    + ") is not supported" + CONVERT);
        };
        // '=' and '|' mean "native"; numpy.load interprets them on the reading machine, so do we.
        ByteOrder order = switch (first) {
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> ByteOrder.nativeOrder();
        };
        return new NpyDtype(s, order, size);
    }

    private static String describeWidth(String code) {
        return switch (code) {
            case "f2" -> "float16";
            case "f16", "f12" -> "long double";
            default -> code.length() > 1 ? code.substring(1) + "-byte float" : "no width";
        };
    }
}
