package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.SpecException;

class InputChecksTest {
    @Test
    void namesTheFileAndTheIndexOfTheFirstNaN() {
        Tensor t = Tensor.zeros(20, 5);
        t.data()[t.flatIndex(12, 3)] = Double.NaN;
        t.data()[t.flatIndex(15, 0)] = Double.NaN;
        assertThatThrownBy(() -> InputChecks.requireFinite(t, "x1.npy"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("x1.npy: value at [12, 3] is NaN");
    }

    @Test
    void namesInfinitiesWithTheirSign() {
        Tensor t = Tensor.zeros(2, 3, 4);
        t.data()[t.flatIndex(1, 2, 0)] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> InputChecks.requireFinite(t, "images.npy"))
                .hasMessageStartingWith("images.npy: value at [1, 2, 0] is -Inf");
        Tensor v = Tensor.of(new int[] {3}, new double[] {0, 1, Double.POSITIVE_INFINITY});
        assertThatThrownBy(() -> InputChecks.requireFinite(v, "y.csv"))
                .hasMessageStartingWith("y.csv: value at [2] is +Inf");
    }

    @Test
    void passesFiniteTensorsThrough() {
        Tensor t = Tensor.matrix(1, 3, new double[] {Double.MAX_VALUE, -Double.MIN_VALUE, 0});
        assertThat(InputChecks.requireFinite(t, "x")).isSameAs(t);
    }
}
