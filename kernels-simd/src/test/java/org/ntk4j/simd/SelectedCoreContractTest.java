package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.NumericCore;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.numeric.ScalarNumericCore;
import org.ntk4j.engine.numeric.select.NumericCoreSelection;

/**
 * The contract on whichever core the engine selects in this JVM, the way the engine uses it (the
 * core's closed form when it has one, else the activation's own). Surefire runs this class twice:
 * with {@code --add-modules jdk.incubator.vector}, where the SIMD core must be chosen, and without,
 * where the scalar core must be chosen with the missing module as the reason; the selection check
 * alone runs again with {@code -Dntk4j.simd=false} and with C1 only. {@code ntk4j.expectCore} and
 * {@code ntk4j.expectReason} say what each run must see.
 */
class SelectedCoreContractTest extends ClosedFormContract {

    private final NumericCore core = Ntk4j.create(null).numericCore();

    @Override
    DualActivation dual(String activation, Map<String, Double> params) {
        return core.closedForm(activation, new Params(params))
                .orElseGet(() -> ScalarClosedForms.of(activation, params));
    }

    @Test
    void theEngineSelectsTheCoreThisJvmCanRun() {
        String expected = System.getProperty("ntk4j.expectCore");
        assertThat(expected).as("set by the surefire execution").isIn("simd", "scalar");
        NumericCoreSelection.Choice choice = NumericCoreSelection.select(new ScalarNumericCore());
        assertThat(core.name()).startsWith(expected);
        assertThat(choice.simd()).isEqualTo(expected.equals("simd"));
        assertThat(choice.reason()).startsWith(System.getProperty("ntk4j.expectReason"));
        if (expected.equals("scalar")) {
            assertThat(core.closedForm("relu", new Params(Map.of()))).isEmpty();
        } else {
            assertThat(core.closedForm("relu", new Params(Map.of()))).get()
                    .extracting(DualActivation::describe).isEqualTo("closed(simd)");
        }
    }
}
