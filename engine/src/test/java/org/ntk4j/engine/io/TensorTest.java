package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void indexesRowMajor() {
        Tensor t = Tensor.of(new int[] {2, 3, 4}, new double[24]);
        assertThat(t.rank()).isEqualTo(3);
        assertThat(t.dim(1)).isEqualTo(3);
        assertThat(t.size()).isEqualTo(24);
        assertThat(t.flatIndex(1, 2, 3)).isEqualTo(23);
        assertThat(t.flatIndex(1, 0, 2)).isEqualTo(14);
        assertThat(t.indexOf(14)).containsExactly(1, 0, 2);
        assertThat(t.shapeString()).isEqualTo("(2, 3, 4)");
        assertThat(Tensor.zeros(5).shapeString()).isEqualTo("(5,)");
        assertThat(Tensor.of(new int[0], new double[1]).shapeString()).isEqualTo("()");
    }

    @Test
    void shapeIsCopiedBothWays() {
        int[] shape = {2, 2};
        Tensor t = Tensor.of(shape, new double[4]);
        shape[0] = 4;
        t.shape()[1] = 9;
        assertThat(t.shape()).containsExactly(2, 2);
    }

    @Test
    void refusesInconsistentShapesAndIndices() {
        assertThatThrownBy(() -> Tensor.of(new int[] {2, 3}, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 6 values but the data has 5");
        assertThatThrownBy(() -> Tensor.of(new int[] {-1}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        Tensor t = Tensor.zeros(2, 2);
        assertThatThrownBy(() -> t.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.get(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reshapesWithoutCopying() {
        Tensor t = Tensor.matrix(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        Tensor r = t.reshape(3, 2);
        assertThat(r.get(2, 1)).isEqualTo(6);
        assertThat(r.data()).isSameAs(t.data());
        assertThat(r).isNotEqualTo(t);
    }
}
