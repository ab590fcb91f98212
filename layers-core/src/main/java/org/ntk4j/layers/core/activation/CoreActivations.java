package org.ntk4j.layers.core.activation;

import java.util.List;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.ParamSpec;

/** The activations of the spec ("Activations" in architecture.md), in the spec's order. */
public final class CoreActivations {

    private static final List<ActivationType> ALL = List.of(
            ActivationDefinition.fixed("relu", "max(0, x)", AbRelu.relu()),
            new ActivationDefinition("leakyRelu", "x for x >= 0, slope*x otherwise",
                    List.of(ParamSpec.number("slope", 0.01, "the slope for x < 0")),
                    config -> AbRelu.leaky(config.getDouble("slope"))),
            new ActivationDefinition("abRelu", "a*x for x < 0, b*x otherwise",
                    List.of(ParamSpec.requiredNumber("a", "the slope for x < 0"),
                            ParamSpec.requiredNumber("b", "the slope for x >= 0")),
                    config -> new AbRelu(config.getDouble("a"), config.getDouble("b"))),
            ActivationDefinition.fixed("abs", "|x|", AbRelu.abs()),
            ActivationDefinition.fixed("erf", "the error function erf(x)", new Erf()),
            ActivationDefinition.fixed("gelu", "exact GELU x*Phi(x), Phi the standard normal CDF", new Gelu()),
            ActivationDefinition.fixed("tanh", "hyperbolic tangent", new Tanh()),
            ActivationDefinition.fixed("sigmoid", "logistic function 1/(1 + exp(-x))", new Sigmoid()),
            ActivationDefinition.fixed("softplus", "log(1 + exp(x))", new Softplus()),
            ActivationDefinition.fixed("silu", "SiLU (swish) x*sigmoid(x)", new Silu()),
            new ActivationDefinition("elu", "x for x > 0, alpha*(exp(x) - 1) otherwise",
                    List.of(ParamSpec.number("alpha", 1.0, "the scale of the negative part")),
                    config -> new Elu(config.getDouble("alpha"))),
            ActivationDefinition.fixed("sin", "sin(x)", new Sine()),
            ActivationDefinition.fixed("cos", "cos(x)", new Cosine()),
            ActivationDefinition.fixed("identity", "x (no nonlinearity)", new Identity()),
            ActivationDefinition.fixed("sign", "sign(x) in {-1, 0, 1}; its derivative is 0 almost everywhere",
                    new Sign()));

    private CoreActivations() {
    }

    /** Every core activation, in the order of the spec. */
    public static List<ActivationType> all() {
        return ALL;
    }
}
