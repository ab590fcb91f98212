package org.ntk4j.engine.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;

class KernelComputerTest {
    private final Ntk4j ntk4j = Ntk4j.create((java.nio.file.Path) null);
    // square has a closed form: K' = K11 K22 + 2 K12², Θ' = Θ · 4 K12.
    private final Architecture arch = ntk4j.parse("{\"layers\": [{\"type\": \"scale\", \"factor\": 1.5}, {\"type\": \"square\"}]}");

    private static Inputs random(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = r.nextGaussian();
            }
        }
        return Inputs.of(x);
    }

    @Test
    void matchesTheFormulaEntryByEntry() {
        Inputs x1 = random(7, 5, 1);
        Inputs x2 = random(4, 5, 2);
        KernelMatrices k = arch.kernels(x1, x2);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 4; j++) {
                double a = 2.25 * dot(x1, i, x2, j) / 5;
                double v1 = 2.25 * dot(x1, i, x1, i) / 5;
                double v2 = 2.25 * dot(x2, j, x2, j) / 5;
                assertThat(k.nngp(i, j)).isCloseTo(v1 * v2 + 2 * a * a, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(k.ntk(i, j)).isZero(); // the test layers have no parameters
            }
        }
    }

    private static double dot(Inputs a, int i, Inputs b, int j) {
        int d = a.channels();
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += a.data()[i * d + c] * b.data()[j * d + c];
        }
        return s;
    }

    @Test
    void tileSizeAndThreadsDoNotChangeResults() {
        Inputs x = random(37, 6, 3);
        KernelMatrices one = arch.kernels(x, null, KernelOptions.defaults().withThreads(1).withTileBytes(Long.MAX_VALUE));
        KernelMatrices tiny = arch.kernels(x, null, KernelOptions.defaults().withThreads(2).withTileBytes(8 * 8 * 8 * 4));
        assertThat(tiny.nngp()).containsExactly(one.nngp());
        for (int i = 0; i < 37; i++) {
            for (int j = 0; j < 37; j++) {
                assertThat(one.nngp(i, j)).isEqualTo(one.nngp(j, i));
            }
        }
    }

    @Test
    void x2MustMatchX1PerInput() {
        assertThatThrownBy(() -> arch.kernels(random(3, 5, 1), random(3, 4, 2)))
                .isInstanceOf(SpecException.class)
                .hasMessage("inputs: each input has shape vector of 4 channels, but x1 (inputs) has vector of 5 channels;"
                        + " x1 and x2 must match per input");
    }

    @Test
    void nonFiniteInputsAreRefusedWithTheirIndex() {
        assertThatThrownBy(() -> new Inputs("x1.npy", new int[]{2, 2}, new double[]{1, 2, Double.NaN, 4}, null))
                .isInstanceOf(SpecException.class).hasMessage("x1.npy: value at [1, 0] is NaN; inputs must be finite numbers");
    }

    @Test
    void networksMustEndInAVector() {
        Inputs seq = new Inputs("seq", new int[]{2, 3, 2}, new double[12], null);
        assertThatThrownBy(() -> arch.kernels(seq)).isInstanceOf(SpecException.class)
                .hasMessageContaining("the network must end in a vector per input, but [3] positions are left");
    }

    @Test
    void progressIsReported() {
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
        arch.kernels(random(20, 3, 4), null, KernelOptions.defaults().withTileBytes(5 * 5 * 8 * 4)
                .withProgress((done, total) -> last.set(total - done)));
        assertThat(last.get()).isZero();
    }
}
