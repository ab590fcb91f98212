package org.ntk4j.layers.attention;

import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.Ntk4jPlugin;
import org.ntk4j.api.ParamSpec;

/**
 * Test-only: contributes {@code testMeanPool}, a readout from positions to a vector, so attention can
 * be checked on its own without depending on the pooling layers of other modules.
 */
public final class TestReadoutPlugin implements Ntk4jPlugin {
    @Override
    public List<LayerType> layerTypes() {
        return List.of(new LayerType() {
            @Override
            public String name() {
                return "testMeanPool";
            }

            @Override
            public String description() {
                return "test only: mean over all positions";
            }

            @Override
            public List<ParamSpec> params() {
                return List.of();
            }

            @Override
            public Layer create(LayerConfig config, BuildContext context) {
                return new MeanPoolForTests(config.path());
            }
        });
    }
}
