package org.ntk4j.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.SpecException;

class ScalarNumericCoreTest {

    private final ScalarNumericCore core = new ScalarNumericCore();
    private final ActivationFunction tanh = TestActivations.byName("tanh");

    @Test
    void namesItselfAndItsIntegrators() {
        assertThat(core.name()).isEqualTo("scalar");
        assertThat(core.quadrature(tanh, 0).describe()).isEqualTo("quadrature(auto)");
        assertThat(core.quadrature(tanh, -1).describe()).isEqualTo("quadrature(auto)");
        assertThat(core.quadrature(tanh, 25).describe()).isEqualTo("quadrature(gauss-hermite, degree 25)");
    }

    @Test
    void gaussHermiteIsExactForPolynomialActivations() {
        // φ(x) = x²: E[u²v²] = k11 k22 + 2 k12², E[2u · 2v] = 4 k12 (degree 3 suffices)
        ActivationFunction square = TestActivations.of(x -> x * x, x -> 2 * x);
        double[] r = ScalarNumericCoreReferenceTest.dual(core.quadrature(square, 3), 2, 3, -1.5);
        assertThat(r[0]).isCloseTo(2 * 3 + 2 * 1.5 * 1.5, within(1e-12));
        assertThat(r[1]).isCloseTo(4 * -1.5, within(1e-12));
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> core.quadrature(tanh, 5000))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("degree: ").hasMessageContaining("5000");
        assertThatThrownBy(() -> core.monteCarlo(tanh, 1, 0))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("samples: ").hasMessageContaining("found 1");
    }
}
