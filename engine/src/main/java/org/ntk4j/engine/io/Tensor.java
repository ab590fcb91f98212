package org.ntk4j.engine.io;

import java.util.Arrays;

/**
 * A dense float64 array with a shape, stored row-major (C order) in one {@code double[]}.
 *
 * <p>The shape is copied and never changes. The data array is <em>not</em> copied, neither in
 * {@link #of} nor in {@link #data()}: inputs and kernels can be hundreds of megabytes, and a
 * defensive copy would double the memory. Whoever builds a tensor hands the array over and must
 * not write to it afterwards; readers of {@link #data()} must not write to it either.
 */
public final class Tensor {
    /** The largest array length the JVMs we run on allocate reliably. */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private final int[] shape;
    private final double[] data;

    private Tensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor of the given shape over {@code data} (row-major; ownership passes to the tensor).
     *
     * @throws IllegalArgumentException if a dimension is negative or the shape's product is not
     *     {@code data.length}
     */
    public static Tensor of(int[] shape, double[] data) {
        int[] copy = shape.clone();
        long size = 1;
        for (int d : copy) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + formatShape(copy));
            }
            size *= d;
            if (size > MAX_SIZE) {
                throw new IllegalArgumentException("shape " + formatShape(copy) + " has more than "
                        + MAX_SIZE + " elements");
            }
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + formatShape(copy) + " holds " + size
                    + " values but the data has " + data.length);
        }
        return new Tensor(copy, data);
    }

    /** A {@code rows × cols} matrix over row-major {@code data}. */
    public static Tensor matrix(int rows, int cols, double[] data) {
        return of(new int[] {rows, cols}, data);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= Math.max(d, 0);
            if (size > MAX_SIZE) {
                throw new IllegalArgumentException("shape " + formatShape(shape) + " is too large");
            }
        }
        return of(shape, new double[(int) size]);
    }

    /** Number of axes (0 for a scalar). */
    public int rank() {
        return shape.length;
    }

    /** Length of axis {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of values (the product of the shape; 1 for a scalar). */
    public int size() {
        return data.length;
    }

    /** The backing row-major array itself (not a copy; do not modify). */
    public double[] data() {
        return data;
    }

    /** The value at a full index, one entry per axis. */
    public double get(int... index) {
        return data[flatIndex(index)];
    }

    /** The row-major position of a full index. */
    public int flatIndex(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has "
                    + index.length + " entries but the tensor has rank " + shape.length);
        }
        int flat = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index)
                        + " is outside shape " + formatShape(shape));
            }
            flat = flat * shape[axis] + index[axis];
        }
        return flat;
    }

    /** The full index of row-major position {@code flat}: the inverse of {@link #flatIndex}. */
    public int[] indexOf(int flat) {
        if (flat < 0 || flat >= data.length) {
            throw new IndexOutOfBoundsException("position " + flat + " outside 0.." + (data.length - 1));
        }
        int[] index = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return index;
    }

    /** The same data seen with another shape of the same size (no copy). */
    public Tensor reshape(int... newShape) {
        return of(newShape, data);
    }

    /** The shape written as numpy prints it: {@code (40, 8)}, {@code (3,)}, {@code ()}. */
    public String shapeString() {
        return formatShape(shape);
    }

    static String formatShape(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Equal shapes and bit-for-bit equal values (NaN equals NaN, as in {@link Arrays#equals(double[], double[])}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + formatShape(shape);
    }
}
