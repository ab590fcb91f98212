package org.ntk4j.engine.linalg;

/**
 * Result of {@link LinearAlgebra#eigh}: ascending eigenvalues and, as the columns of a row-major n×n
 * matrix, the matching orthonormal eigenvectors (component i of eigenvector j is at
 * {@code vectors[i * n + j]}).
 */
public record SymmetricEigen(int size, double[] values, double[] vectors) {
    public SymmetricEigen {
        if (values.length != size || vectors.length != (long) size * size) {
            throw new IllegalArgumentException("eigen result of size " + size + " has " + values.length
                    + " values and " + vectors.length + " vector entries");
        }
    }

    public double smallest() {
        return size == 0 ? Double.NaN : values[0];
    }

    public double largest() {
        return size == 0 ? Double.NaN : values[size - 1];
    }
}
