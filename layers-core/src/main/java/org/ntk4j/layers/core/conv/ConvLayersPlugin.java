package org.ntk4j.layers.core.conv;

import java.util.List;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.Ntk4jPlugin;

/** Convolution, average pooling and batch normalisation. */
public final class ConvLayersPlugin implements Ntk4jPlugin {
    @Override
    public List<LayerType> layerTypes() {
        return List.of(Conv.TYPE, AvgPool.TYPE, BatchNorm.TYPE);
    }
}
