package org.ntk4j.simd;

import java.util.Map;
import org.ntk4j.api.DualActivation;

/** The scalar closed forms themselves against the contract: they are the other cores' reference. */
class ScalarReferenceContractTest extends ClosedFormContract {

    @Override
    DualActivation dual(String activation, Map<String, Double> params) {
        return ScalarClosedForms.of(activation, params);
    }
}
