package org.ntk4j.layers.core;

import java.util.List;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.Ntk4jPlugin;
import org.ntk4j.layers.core.activation.CoreActivations;

/** The core layers and activations of the architecture spec. */
public final class CoreLayersPlugin implements Ntk4jPlugin {
    @Override
    public List<LayerType> layerTypes() {
        return List.of(Dense.TYPE, new SerialType(), Sum.TYPE, Residual.TYPE, Concat.TYPE, Flatten.TYPE,
                GlobalAvgPool.TYPE, LayerNorm.TYPE);
    }

    @Override
    public List<ActivationType> activationTypes() {
        return CoreActivations.all();
    }
}
