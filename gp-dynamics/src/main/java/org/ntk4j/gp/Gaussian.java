package org.ntk4j.gp;

import org.ntk4j.engine.linalg.LinearAlgebra;

/**
 * The joint Gaussian of the network's outputs on a set of points: the mean (points × outputs) and
 * the covariance between points (points × points; the same for every output column, since the
 * outputs of an infinitely wide network are independent and identically distributed).
 */
public final class Gaussian {
    private final DenseMatrix mean;
    private final DenseMatrix covariance;
    private final LinearAlgebra linearAlgebra;
    private volatile Double smallestEigenvalue;

    Gaussian(DenseMatrix mean, DenseMatrix covariance, LinearAlgebra linearAlgebra) {
        this.mean = mean;
        this.covariance = covariance;
        this.linearAlgebra = linearAlgebra;
    }

    /** Mean, points × outputs. */
    public DenseMatrix mean() {
        return mean;
    }

    /** Covariance, points × points, exactly symmetric. */
    public DenseMatrix covariance() {
        return covariance;
    }

    /**
     * Smallest eigenvalue of the covariance: ≥ 0 for a valid covariance, slightly negative from
     * round-off. Computed on first request (an eigenvalue-only decomposition of points × points) and
     * then remembered.
     */
    public double smallestCovarianceEigenvalue() {
        Double s = smallestEigenvalue;
        if (s == null) {
            int m = covariance.rows();
            s = m == 0 ? Double.NaN : linearAlgebra.eigenvalues(covariance.data(), m)[0];
            smallestEigenvalue = s;
        }
        return s;
    }
}
