package org.ntk4j.engine.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax that a {@code .npy} header uses: dicts,
 * strings, integers (with the {@code L} suffix Python 2 wrote), {@code True}/{@code False}/
 * {@code None}, tuples and lists. It evaluates nothing and builds no objects beyond these, which
 * is why reading a header can never run code.
 *
 * <p>Results: {@link Map} (insertion order), {@link String}, {@link BigInteger}, {@link Boolean},
 * {@link #NONE}, {@link Tuple} and {@link List}.
 */
final class PythonLiteral {
    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A Python tuple, kept apart from a list because numpy requires the shape to be a tuple. */
    record Tuple(List<Object> items) {
        @Override
        public String toString() {
            return repr(this);
        }
    }

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses one literal that spans all of {@code text} (surrounding whitespace allowed).
     *
     * @throws IllegalArgumentException naming the position and what was found
     */
    static Object parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("end of the literal");
        }
        return value;
    }

    /** A parsed value written back in Python syntax, for error messages. */
    static String repr(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Tuple t) {
            List<Object> items = t.items();
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(items.get(i)));
            }
            return sb.append(items.size() == 1 ? ",)" : ")").toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(sb.length() > 1 ? ", " : "").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict();
            case '(':
                return new Tuple(sequence('(', ')'));
            case '[':
                return sequence('[', ']');
            case '\'':
            case '"':
                return string();
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return integer();
                }
                if (Character.isLetter(c)) {
                    return keyword();
                }
                throw error("a value");
        }
    }

    private Map<Object, Object> dict() {
        expect('{');
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            skipSpace();
            expect(':');
            Object val = value();
            if (map.put(key, val) != null) {
                throw new IllegalArgumentException("duplicate key " + key);
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("',' or '}'");
            }
        }
    }

    /** Items between brackets; a one-item tuple needs its trailing comma, as in Python. */
    private List<Object> sequence(char open, char close) {
        expect(open);
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                if (open == '(' && items.size() == 1 && !sawComma) {
                    // "(3)" is the integer 3 in Python, not a tuple.
                    throw new IllegalArgumentException("parenthesised value without a comma at position " + pos);
                }
                return items;
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                sawComma = true;
            } else if (peek() != close) {
                throw error("',' or '" + close + "'");
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                switch (next) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\', '\'', '"' -> sb.append(next);
                    default -> sb.append('\\').append(next);
                }
            } else {
                sb.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private BigInteger integer() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            throw error("a digit");
        }
        BigInteger value = new BigInteger(text.substring(start, pos));
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++; // Python 2 long suffix
        }
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            throw error("an integer");
        }
        return value;
    }

    private Object keyword() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return NONE;
            default:
                pos = start;
                throw error("True, False, None, a number, a string, a tuple, a list or a dict");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
        return new IllegalArgumentException("expected " + expected + " at position " + pos + ", found " + found);
    }
}
