package org.ntk4j.gp;

import org.ntk4j.api.SpecException;

/** Shape and value checks on the matrices handed to the GP, phrased for the person who supplied them. */
final class KernelChecks {
    private KernelChecks() {
    }

    static void requireShape(String place, DenseMatrix m, int rows, int cols, String rowsMeaning, String colsMeaning) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new SpecException(place, "expected a " + rows + "x" + cols + " matrix (" + rowsMeaning + " x "
                    + colsMeaning + "), found " + m.rows() + "x" + m.cols());
        }
    }

    static void requireFinite(String place, DenseMatrix m, String what) {
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new SpecException(place, what + " must be finite, found " + d[i] + " at row "
                        + i / m.cols() + ", column " + i % m.cols());
            }
        }
    }

    /** Times must be ≥ 0 or +∞; returns a copy so later changes by the caller cannot matter. */
    static double[] requireTimes(double[] times) {
        if (times == null || times.length == 0) {
            throw new SpecException("times", "expected at least one time (a number >= 0 or inf), found none");
        }
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            if (Double.isNaN(t) || t < 0) {
                throw new SpecException("times", "expected times >= 0 or inf, found " + t + " at position " + (i + 1));
            }
        }
        return times.clone();
    }
}
