package org.ntk4j.engine.activation;

import java.util.ArrayList;
import java.util.List;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;

/** Presents an {@link ActivationType} as a layer type of the same name, with the integrator parameters. */
public final class ActivationLayerType implements LayerType {
    private final ActivationType activation;
    private final List<ParamSpec> params;

    public ActivationLayerType(ActivationType activation) {
        this.activation = activation;
        List<ParamSpec> p = new ArrayList<>(activation.params());
        p.addAll(Integrators.PARAMS);
        this.params = List.copyOf(p);
    }

    public ActivationType activation() {
        return activation;
    }

    @Override
    public String name() {
        return activation.name();
    }

    @Override
    public String description() {
        return activation.description();
    }

    @Override
    public List<ParamSpec> params() {
        return params;
    }

    @Override
    public Layer create(LayerConfig config, BuildContext context) {
        ActivationFunction f = activation.create(config);
        String integrator = config.isSet("integrator") ? config.getString("integrator") : null;
        var dual = Integrators.choose(name(), f, config, integrator, config.getInt("degree"), config.getInt("samples"),
                config.getInt("seed"), context.numeric(), config.path());
        return new ActivationLayer(new BoundActivation(name(), f, dual), config.path());
    }
}
