package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;

@Tag("vector")
class SimdNumericCoreTest {

    private final StubScalarCore scalar = new StubScalarCore();
    private final SimdNumericCore core = new SimdNumericCore(scalar);

    @Test
    void namesItsVectorSize() {
        assertThat(SimdNumericCore.preferredBitSize()).isGreaterThanOrEqualTo(64);
        assertThat(core.name()).isEqualTo("simd(" + SimdNumericCore.preferredBitSize() + "-bit)");
    }

    @Test
    void hasVectorisedClosedFormsForTheCoreActivationsOnly() {
        for (String name : new String[] {"relu", "abs", "erf", "gelu", "identity", "sin", "cos", "sign"}) {
            assertThat(core.closedForm(name, new Params(Map.of()))).as(name).isPresent()
                    .get().extracting(d -> d.describe()).isEqualTo("closed(simd)");
        }
        assertThat(core.closedForm("leakyRelu", new Params(Map.of("slope", 0.2)))).isPresent();
        assertThat(core.closedForm("abRelu", new Params(Map.of("a", 0.5, "b", -1.0)))).isPresent();
        assertThat(core.closedForm("tanh", new Params(Map.of()))).isEmpty();
        assertThat(core.closedForm("myPluginActivation", new Params(Map.of()))).isEmpty();
    }

    @Test
    void leavesQuadratureAndMonteCarloToTheScalarCore() {
        ActivationFunction tanh = new ActivationFunction() {
            @Override
            public double value(double x) {
                return Math.tanh(x);
            }

            @Override
            public double derivative(double x) {
                double t = Math.tanh(x);
                return 1.0 - t * t;
            }
        };
        assertThat(core.quadrature(tanh, 25).describe()).isEqualTo("quadrature 25");
        assertThat(core.monteCarlo(tanh, 1024, 7L).describe()).isEqualTo("montecarlo 1024 7");
    }
}
