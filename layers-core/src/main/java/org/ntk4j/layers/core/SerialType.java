package org.ntk4j.layers.core;

import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Serial;

/** {@code serial}: layers one after another. */
public final class SerialType implements LayerType {
    @Override
    public String name() {
        return "serial";
    }

    @Override
    public String description() {
        return "layers one after another";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.layers("layers", "the layers, in order"));
    }

    @Override
    public Layer create(LayerConfig c, BuildContext ctx) {
        return new Serial("serial", c.path(), c.getLayers("layers"));
    }
}
