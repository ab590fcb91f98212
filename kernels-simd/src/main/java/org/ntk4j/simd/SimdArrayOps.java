package org.ntk4j.simd;

import jdk.incubator.vector.DoubleVector;
import org.ntk4j.api.ArrayOps;

/** {@link ArrayOps} on whole vectors: the same additions lane by lane, hence the same bits. */
final class SimdArrayOps implements ArrayOps {

    static final SimdArrayOps INSTANCE = new SimdArrayOps();

    private SimdArrayOps() {
    }

    @Override
    public void addInto(double[] in, int from, double[] out, int to, int len) {
        int k = 0;
        for (int upper = Lanes.SPECIES.loopBound(len); k < upper; k += Lanes.LENGTH) {
            DoubleVector.fromArray(Lanes.SPECIES, out, to + k)
                    .add(DoubleVector.fromArray(Lanes.SPECIES, in, from + k))
                    .intoArray(out, to + k);
        }
        for (; k < len; k++) {
            out[to + k] += in[from + k];
        }
    }
}
