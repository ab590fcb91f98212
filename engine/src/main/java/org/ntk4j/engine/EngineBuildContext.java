package org.ntk4j.engine;

import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.NumericCore;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.activation.BoundActivation;
import org.ntk4j.engine.activation.Integrators;
import org.ntk4j.engine.spec.LayerCatalog;
import org.ntk4j.engine.spec.ValidatedConfig;

/** What layers see of the engine while they are built. */
final class EngineBuildContext implements BuildContext {
    private final Parameterization parameterization;
    private final NumericCore numeric;
    private final LayerCatalog catalog;

    EngineBuildContext(Parameterization parameterization, NumericCore numeric, LayerCatalog catalog) {
        this.parameterization = parameterization;
        this.numeric = numeric;
        this.catalog = catalog;
    }

    @Override
    public Parameterization parameterization() {
        return parameterization;
    }

    @Override
    public NumericCore numeric() {
        return numeric;
    }

    @Override
    public Activation activation(String name) {
        ActivationType type = catalog.activationType(name);
        if (type == null) {
            throw new SpecException("activation", "unknown activation \"" + name + "\"");
        }
        ValidatedConfig config = ValidatedConfig.defaults("activation \"" + name + "\"", type.params());
        ActivationFunction f = type.create(config);
        return new BoundActivation(name, f, Integrators.choose(name, f, config, null, 0, Integrators.DEFAULT_SAMPLES, 0,
                numeric, "activation"));
    }
}
