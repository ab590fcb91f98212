package org.ntk4j.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;

class ArchitectureReaderTest {
    private final Ntk4j ntk4j = Ntk4j.create((java.nio.file.Path) null);

    private SpecException error(String json) {
        try {
            ntk4j.parse(json, "arch.json");
        } catch (SpecException e) {
            return e;
        }
        throw new AssertionError("expected a SpecException for " + json);
    }

    @Test
    void readsNameParameterizationAndLayers() {
        Architecture a = ntk4j.parse("""
                {"name": "t", "parameterization": "standard",
                 "layers": [{"type": "scale", "factor": 2}, {"type": "square"}, {"type": "cubic", "integrator": "quadrature"}]}""");
        assertThat(a.name()).isEqualTo("t");
        assertThat(a.parameterization()).isEqualTo(Parameterization.STANDARD);
        assertThat(a.layers()).extracting(l -> l.type()).containsExactly("scale", "square", "cubic");
        assertThat(a.layers().get(1).path()).isEqualTo("layers[1]");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        SpecException e = error("{\"layers\": [\n  {\"type\": \"scale\",,}\n]}");
        assertThat(e.getMessage()).startsWith("arch.json: malformed JSON at line 2, column");
    }

    @Test
    void unknownTypeSuggestsTheClosest() {
        assertThat(error("{\"layers\": [{\"type\": \"scael\"}]}").getMessage())
                .isEqualTo("arch.json, layers[0].type: unknown layer type \"scael\" (did you mean \"scale\"?); "
                        + "`ntk4j layers` lists them all");
    }

    @Test
    void unknownParameterSuggestsTheClosest() {
        assertThat(error("{\"layers\": [{\"type\": \"scale\", \"factr\": 2}]}").getMessage())
                .contains("arch.json, layers[0].factr: unknown parameter \"factr\" for \"scale\" (did you mean \"factor\"?)");
    }

    @Test
    void wrongValueTypesNameExpectedAndFound() {
        assertThat(error("{\"layers\": [{\"type\": \"scale\", \"factor\": \"big\"}]}").getMessage())
                .isEqualTo("arch.json, layers[0].factor: expected a number, found the string \"big\"");
        String base = "{\"layers\": [{\"type\": \"needsAll\", \"needed\": 1, ";
        assertThat(error(base + "\"count\": 1.5}]}").getMessage())
                .isEqualTo("arch.json, layers[0].count: expected an integer, found the number 1.5");
        assertThat(error(base + "\"flag\": 1}]}").getMessage())
                .isEqualTo("arch.json, layers[0].flag: expected true or false, found the number 1");
        assertThat(error(base + "\"mode\": \"c\"}]}").getMessage())
                .isEqualTo("arch.json, layers[0].mode: expected one of \"a\", \"b\", found \"c\"");
        assertThat(error(base + "\"filter\": [3, \"x\"]}]}").getMessage())
                .isEqualTo("arch.json, layers[0].filter[1]: expected an integer, found the string \"x\"");
        assertThat(error(base + "\"activation\": \"sqare\"}]}").getMessage())
                .isEqualTo("arch.json, layers[0].activation: unknown activation \"sqare\" (did you mean \"square\"?)");
    }

    @Test
    void outOfRangeValues() {
        assertThat(error("{\"layers\": [{\"type\": \"scale\", \"factor\": 0}]}").getMessage())
                .isEqualTo("arch.json, layers[0].factor: expected a value > 0, found 0");
        assertThat(error("{\"layers\": [{\"type\": \"needsAll\", \"needed\": 1, \"rate\": 2}]}").getMessage())
                .isEqualTo("arch.json, layers[0].rate: expected a value >= 0 and <= 1, found 2");
    }

    @Test
    void missingRequiredParameter() {
        assertThat(error("{\"layers\": [{\"type\": \"needsAll\"}]}").getMessage())
                .isEqualTo("arch.json, layers[0].needed: missing: \"needsAll\" needs \"needed\" (a required number)");
    }

    @Test
    void nestedPathsAreNamed() {
        assertThat(error("{\"layers\": [{\"type\": \"needsAll\", \"needed\": 1, \"branches\": [[], [{\"type\": \"scale\", \"factor\": -1}]]}]}")
                .getMessage()).startsWith("arch.json, layers[0].branches[1][0].factor: expected a value > 0");
    }

    @Test
    void documentLevelMistakes() {
        assertThat(error("[1, 2]").getMessage()).contains("expected a JSON object");
        assertThat(error("{\"layer\": []}").getMessage())
                .isEqualTo("arch.json, layer: unknown key \"layer\" (did you mean \"layers\"?); a document has name, parameterization, layers");
        assertThat(error("{\"layers\": []}").getMessage()).contains("expected at least one layer");
        assertThat(error("{\"parameterization\": \"ntK2\", \"layers\": [{\"type\": \"scale\"}]}").getMessage())
                .isEqualTo("arch.json, parameterization: expected \"ntk\" or \"standard\", found the string \"ntK2\"");
        assertThat(error("{\"layers\": [{\"factor\": 2}]}").getMessage()).isEqualTo("arch.json, layers[0]: missing \"type\"");
        assertThat(error("{\"layers\": [{\"type\": \"scale\", \"type\": \"scale\"}]}").getMessage()).contains("Duplicate field");
    }

    @Test
    void activationParametersLeftAtTheirDefaultAreBuilt() {
        // needsAll's "activation" defaults to "square": it must arrive as an Activation, not a string.
        Architecture a = ntk4j.parse("{\"layers\": [{\"type\": \"needsAll\", \"needed\": 1}]}");
        assertThat(a.layers()).hasSize(1);
    }

    @Test
    void integratorChoices() {
        assertThat(error("{\"layers\": [{\"type\": \"cubic\", \"integrator\": \"closed\"}]}").getMessage())
                .isEqualTo("arch.json, layers[0].integrator: \"cubic\" has no closed form; use \"quadrature\" (the default for it) or \"montecarlo\"");
        Architecture a = ntk4j.parse("{\"layers\": [{\"type\": \"square\", \"integrator\": \"montecarlo\", \"samples\": 1000, \"seed\": 3}]}");
        assertThat(a.layers()).hasSize(1);
    }

    @Test
    void builderWritesTheSameJson() {
        Architecture a = ntk4j.builder().name("b").layer("scale", "factor", 3.0).layer("square").build();
        assertThat(a.layers()).extracting(l -> l.type()).containsExactly("scale", "square");
        assertThatThrownBy(() -> ntk4j.builder().layer("scale", "factor", -1.0).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("builder, layers[0].factor");
    }
}
