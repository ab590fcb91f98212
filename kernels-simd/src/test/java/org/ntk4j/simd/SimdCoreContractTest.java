package org.ntk4j.simd;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.ntk4j.api.DualActivation;

/** The SIMD core's vectorised closed forms against the contract (needs the vector module). */
@Tag("vector")
class SimdCoreContractTest extends ClosedFormContract {

    private final SimdNumericCore core = new SimdNumericCore(new StubScalarCore());

    @Override
    DualActivation dual(String activation, Map<String, Double> params) {
        return core.closedForm(activation, new Params(params)).orElseThrow();
    }
}
