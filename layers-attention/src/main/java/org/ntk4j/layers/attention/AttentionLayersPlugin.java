package org.ntk4j.layers.attention;

import java.util.List;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.Ntk4jPlugin;

/** Self-attention (with optional positional embeddings) for sequences and images. */
public final class AttentionLayersPlugin implements Ntk4jPlugin {
    @Override
    public List<LayerType> layerTypes() {
        return List.of(new AttentionType());
    }
}
