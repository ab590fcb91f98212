package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.ParamSpec;

class CoreActivationsTest {

    @Test
    void listsTheSpecsActivationsInTheSpecsOrder() {
        assertThat(CoreActivations.all()).extracting(ActivationType::name).containsExactly(
                "relu", "leakyRelu", "abRelu", "abs", "erf", "gelu", "tanh", "sigmoid", "softplus", "silu",
                "elu", "sin", "cos", "identity", "sign");
    }

    @Test
    void everyActivationHasAOneLineDescription() {
        for (ActivationType type : CoreActivations.all()) {
            assertThat(type.description()).as(type.name()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void declaresTheSpecsParameters() {
        for (ActivationType type : CoreActivations.all()) {
            switch (type.name()) {
                case "leakyRelu" -> assertThat(type.params()).singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("slope");
                    assertThat(p.kind()).isEqualTo(ParamSpec.Kind.NUMBER);
                    assertThat(p.defaultValue()).isEqualTo(0.01);
                });
                case "abRelu" -> {
                    assertThat(type.params()).extracting(ParamSpec::name).containsExactly("a", "b");
                    assertThat(type.params()).allSatisfy(p -> {
                        assertThat(p.kind()).isEqualTo(ParamSpec.Kind.NUMBER);
                        assertThat(p.required()).isTrue();
                    });
                }
                case "elu" -> assertThat(type.params()).singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("alpha");
                    assertThat(p.kind()).isEqualTo(ParamSpec.Kind.NUMBER);
                    assertThat(p.defaultValue()).isEqualTo(1.0);
                });
                default -> assertThat(type.params()).as(type.name()).isEmpty();
            }
        }
    }

    @Test
    void parametersReachTheFunction() {
        assertThat(create("leakyRelu", Map.of("slope", 0.2)).value(-1.0)).isEqualTo(-0.2);
        assertThat(create("leakyRelu", Map.of()).value(-1.0)).isEqualTo(-0.01);
        ActivationFunction abRelu = create("abRelu", Map.of("a", -0.4, "b", 1.3));
        assertThat(abRelu.value(-2.0)).isCloseTo(0.8, within(1e-15));
        assertThat(abRelu.value(2.0)).isCloseTo(2.6, within(1e-15));
        assertThat(create("elu", Map.of("alpha", 2.0)).value(-1.0)).isCloseTo(2.0 * Math.expm1(-1.0), within(1e-15));
        assertThat(create("elu", Map.of()).value(-1.0)).isCloseTo(Math.expm1(-1.0), within(1e-15));
    }

    @Test
    void abReluWithoutItsSlopesCannotBeBuilt() {
        ActivationType abRelu = type("abRelu");
        assertThatThrownBy(() -> abRelu.create(new StubLayerConfig(abRelu.params(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ActivationFunction create(String name, Map<String, Double> values) {
        ActivationType type = type(name);
        return type.create(new StubLayerConfig(type.params(), values));
    }

    private static ActivationType type(String name) {
        return CoreActivations.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
