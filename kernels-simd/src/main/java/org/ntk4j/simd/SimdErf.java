package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * The error function over arrays with the Vector API (the JDK has no erf, scalar or vector):
 * about 1 ulp across the real line, see {@link VectorErf}.
 */
public final class SimdErf {

    private SimdErf() {
    }

    /** {@code out[i] = erf(x[i])} for {@code i < n}; {@code out} may be {@code x}. */
    public static void erf(double[] x, int n, double[] out) {
        if (n < 0 || x.length < n || out.length < n) {
            throw new IllegalArgumentException("erf of " + n + " values does not fit arrays of lengths "
                    + x.length + " -> " + out.length);
        }
        int i = 0;
        for (int bound = Lanes.SPECIES.loopBound(n); i < bound; i += Lanes.LENGTH) {
            VectorErf.erf(Lanes.load(x, i, null)).intoArray(out, i);
        }
        if (i < n) {
            VectorMask<Double> m = Lanes.tail(i, n);
            VectorErf.erf(Lanes.load(x, i, m)).intoArray(out, i, m);
        }
    }

    /** erf of one value (through a one-lane masked vector; for checks, not for speed). */
    public static double erf(double x) {
        double[] box = {x};
        erf(box, 1, box);
        return box[0];
    }
}
