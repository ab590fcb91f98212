package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;

/** User mistakes with conv, avgPool and batchNorm name the place, what was expected and what was found. */
class ConvSpecErrorsTest {

    private static final Ntk4j NTK4J = Ntk4j.create();

    private static Shape image(int h, int w, int c) {
        return new Shape(new int[]{h, w}, c);
    }

    @Test
    void layersAreRegisteredWithTheirDefaults() {
        Architecture a = NTK4J.parse("{\"layers\": [{\"type\": \"conv\"}, {\"type\": \"avgPool\", \"window\": [2, 2]}]}");
        // SAME 3×3 by default keeps 7×6; the pool (strides = window, VALID) gives 3×3.
        assertThat(a.outputShape(image(7, 6, 3))).isEqualTo(image(3, 3, 1024).fromWeights());
        assertThat(NTK4J.parse("{\"layers\": [{\"type\": \"conv\", \"filter\": [3], \"strides\": [2], \"padding\": \"VALID\"}]}")
                .outputShape(new Shape(new int[]{9}, 2)).spatial()).containsExactly(4);
    }

    @Test
    void validFilterLargerThanTheInput() {
        Architecture a = NTK4J.parse("{\"layers\": [{\"type\": \"dense\"}, {\"type\": \"conv\", \"filter\": [5, 5], \"padding\": \"VALID\"}]}");
        assertThatThrownBy(() -> a.outputShape(image(4, 8, 3))).isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[1].filter").hasMessageContaining("does not fit axis 0 of length 4");
    }

    @Test
    void filterRankMustMatchTheInput() {
        Architecture a = NTK4J.parse("{\"layers\": [{\"type\": \"conv\", \"filter\": [3, 3]}]}");
        assertThatThrownBy(() -> a.outputShape(new Shape(new int[]{10}, 2))).isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[0].filter").hasMessageContaining("expected 1 entries");
        assertThatThrownBy(() -> a.outputShape(Shape.vector(3))).isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[0]").hasMessageContaining("needs positions");
    }

    @Test
    void badParameters() {
        assertThatThrownBy(() -> NTK4J.parse("{\"layers\": [{\"type\": \"conv\", \"padding\": \"FULL\"}]}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("layers[0].padding");
        assertThatThrownBy(() -> NTK4J.parse("{\"layers\": [{\"type\": \"avgPool\"}]}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("layers[0].window").hasMessageContaining("missing");
        assertThatThrownBy(() -> NTK4J.parse("{\"layers\": [{\"type\": \"batchNorm\", \"eps\": -1}]}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("layers[0].eps");
    }

    @Test
    void batchNormNormalisesVectorsOnly() {
        Architecture a = NTK4J.parse("{\"layers\": [{\"type\": \"conv\"}, {\"type\": \"batchNorm\"}]}");
        assertThatThrownBy(() -> a.outputShape(image(4, 4, 3))).isInstanceOf(SpecException.class)
                .hasMessageContaining("layers[1]").hasMessageContaining("flatten");
        assertThat(NTK4J.parse("{\"layers\": [{\"type\": \"dense\"}, {\"type\": \"batchNorm\"}]}").network().isBatchCoupled())
                .isTrue();
    }
}
