package org.ntk4j.gp;

import java.util.Arrays;

/**
 * A rows×cols matrix in a row-major {@code double[]} (element (i, j) at {@code i * cols + j}), the
 * layout of a C-ordered {@code .npy} file. The array is shared, not copied: treat it as read-only
 * once handed over.
 */
public record DenseMatrix(int rows, int cols, double[] data) {

    public DenseMatrix {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols);
        }
        if (data == null || data.length != (long) rows * cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " entries, got " + (data == null ? "null" : data.length));
        }
    }

    /** A zero matrix. */
    public static DenseMatrix zeros(int rows, int cols) {
        return new DenseMatrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Copies nested rows (all of the same length) into a new matrix. */
    public static DenseMatrix of(double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] data = new double[Math.multiplyExact(r, c)];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " entries, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, data, i * c, c);
        }
        return new DenseMatrix(r, c, data);
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** A nested copy, one array per row. */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + rows + "x" + cols + "]";
    }
}
