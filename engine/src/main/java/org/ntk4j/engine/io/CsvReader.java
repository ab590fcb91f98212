package org.ntk4j.engine.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ntk4j.api.SpecException;

/**
 * Reads a 2-D numeric CSV file (comma separated, UTF-8) into an {@code rows × columns}
 * {@link Tensor}.
 *
 * <p>The first line is a header, and skipped, when none of its cells is a number; a first line
 * mixing numbers and text is an error rather than a guess, so a typo in the first data row is not
 * silently dropped. Cells may have surrounding spaces. {@code nan}, {@code inf} and
 * {@code -inf} (as numpy's {@code savetxt} writes them) are read, so that the finiteness check
 * can point at them. Blank lines may follow the data but not interrupt it. Errors name the file,
 * the line and the column.
 */
public final class CsvReader {
    private CsvReader() {
    }

    public static Tensor read(Path path) {
        String place = path.toString();
        try (BufferedReader in = Files.newBufferedReader(path)) {
            return read(in, place);
        } catch (CharacterCodingException e) {
            throw new SpecException(place, "not a UTF-8 text file; expected comma-separated numbers");
        } catch (IOException e) {
            throw FileErrors.reading(place, e);
        }
    }

    static Tensor read(Reader reader, String place) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        double[] values = new double[1024];
        int count = 0;
        int columns = -1;
        int firstDataLine = -1;
        int rows = 0;
        int blankLine = -1;
        String line;
        for (int lineNo = 1; (line = in.readLine()) != null; lineNo++) {
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // byte-order mark written by some spreadsheet programs
            }
            if (line.isBlank()) {
                if (blankLine < 0) {
                    blankLine = lineNo;
                }
                continue;
            }
            if (blankLine > 0 && rows > 0) {
                throw new SpecException(place, "line " + blankLine + " is blank but data follows on line " + lineNo
                        + "; blank lines are allowed only after the data");
            }
            blankLine = -1;
            String[] cells = line.split(",", -1);
            if (lineNo == 1 && isHeader(cells, place)) {
                continue;
            }
            if (columns < 0) {
                columns = cells.length;
                firstDataLine = lineNo;
            } else if (cells.length != columns) {
                throw new SpecException(place, "line " + lineNo + " has " + cells.length + " columns, expected "
                        + columns + " as on line " + firstDataLine);
            }
            if (count + columns > values.length) {
                long grown = Math.max((long) values.length * 2, (long) count + columns);
                if (grown > Tensor.MAX_SIZE) {
                    throw new SpecException(place, "more than " + Tensor.MAX_SIZE + " values; split the input");
                }
                values = Arrays.copyOf(values, (int) grown);
            }
            for (int c = 0; c < columns; c++) {
                values[count++] = parseCell(cells[c], place, lineNo, c + 1);
            }
            rows++;
        }
        if (rows == 0) {
            throw new SpecException(place, "no data rows; expected comma-separated numbers");
        }
        return Tensor.matrix(rows, columns, Arrays.copyOf(values, count));
    }

    /** A first line is a header when none of its cells is a number. */
    private static boolean isHeader(String[] cells, String place) {
        int numeric = 0;
        int firstText = -1;
        for (int c = 0; c < cells.length; c++) {
            if (parseNumber(cells[c].strip()) != null) {
                numeric++;
            } else if (firstText < 0) {
                firstText = c;
            }
        }
        if (numeric == cells.length) {
            return false;
        }
        if (numeric == 0) {
            return true;
        }
        throw new SpecException(place, "line 1, column " + (firstText + 1) + ": '" + cells[firstText].strip()
                + "' is not a number, but other cells of line 1 are; a header line must contain no numbers");
    }

    private static double parseCell(String raw, String place, int line, int column) {
        String cell = raw.strip();
        Double value = parseNumber(cell);
        if (value == null) {
            String hint = cell.isEmpty() ? "an empty cell"
                    : "'" + (cell.length() > 40 ? cell.substring(0, 40) + "…" : cell) + "'";
            String separator = cell.indexOf(';') >= 0 || cell.indexOf('\t') >= 0
                    ? " (ntk4j reads comma-separated values only)" : "";
            throw new SpecException(place, "line " + line + ", column " + column + ": expected a number, found "
                    + hint + separator);
        }
        return value;
    }

    /**
     * Decimal numbers as Python and numpy write them, or null. Java's own parser also takes
     * hexadecimal and a trailing {@code d}/{@code f}, which no CSV writer means; those are refused.
     */
    static Double parseNumber(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        String lower = cell.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        switch (unsigned) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                break;
        }
        for (int i = 0; i < unsigned.length(); i++) {
            char c = unsigned.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == '-' || c == '+';
            if (!allowed) {
                return null;
            }
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
