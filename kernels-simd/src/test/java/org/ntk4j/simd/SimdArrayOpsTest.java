package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ArrayOps;

/** The vectorised window sums give the bits of the scalar loop, at every length and misalignment. */
@Tag("vector")
class SimdArrayOpsTest {

    @Test
    void addIntoGivesTheBitsOfTheScalarLoop() {
        SplittableRandom random = new SplittableRandom(5);
        double[] in = new double[300];
        for (int k = 0; k < in.length; k++) {
            in[k] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 9));
        }
        for (int len = 0; len <= 70; len++) {
            for (int from = 0; from < 11; from++) {
                int to = (from * 7 + len) % 13;
                double[] scalar = new double[200];
                double[] vector = new double[200];
                for (int k = 0; k < scalar.length; k++) {
                    scalar[k] = vector[k] = Math.sin(k);
                }
                ArrayOps.SCALAR.addInto(in, from, scalar, to, len);
                SimdArrayOps.INSTANCE.addInto(in, from, vector, to, len);
                assertThat(vector).as("len %d from %d to %d", len, from, to).containsExactly(scalar);
            }
        }
    }

    @Test
    void theSimdCoreHandsOutTheVectorisedLoops() {
        assertThat(new SimdNumericCore(new StubScalarCore()).arrays()).isSameAs(SimdArrayOps.INSTANCE);
    }
}
