package org.ntk4j.layers.rnn;

import java.util.List;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.Ntk4jPlugin;

/** The recurrent layers of the architecture spec: {@code rnn} and {@code gru}. */
public final class RnnLayersPlugin implements Ntk4jPlugin {
    @Override
    public List<LayerType> layerTypes() {
        return List.of(Rnn.TYPE, Gru.TYPE);
    }
}
