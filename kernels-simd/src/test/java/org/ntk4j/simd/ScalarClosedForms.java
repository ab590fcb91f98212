package org.ntk4j.simd;

import java.util.Map;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.DualActivation;
import org.ntk4j.layers.core.activation.CoreActivations;

/**
 * The reference the vectorised duals must agree with to 1e-12 relative: the scalar closed forms
 * of layers-core's activations, built the way the engine builds them (from validated parameters).
 */
final class ScalarClosedForms {

    private ScalarClosedForms() {
    }

    /** The scalar closed-form dual of a core activation with the given parameters. */
    static DualActivation of(String activation, Map<String, Double> params) {
        ActivationType type = CoreActivations.all().stream()
                .filter(t -> t.name().equals(activation))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no core activation " + activation));
        return type.create(new Params(params)).closedForm()
                .orElseThrow(() -> new IllegalArgumentException(activation + " has no closed form"));
    }
}
