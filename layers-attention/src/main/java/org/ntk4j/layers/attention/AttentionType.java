package org.ntk4j.layers.attention;

import java.util.List;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.SpecException;

/** The {@code attention} layer type: its JSON parameters and their validation. */
public final class AttentionType implements LayerType {

    static final String NAME = "attention";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "self-attention over positions (tied query/key, logits scaled by 1/n), optional positional embeddings";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("heads", 1, "number of heads (the infinite-width kernel is the same for any count)")
                        .range(1, 1024),
                ParamSpec.number("qkStd", 1.0, "query/key weight standard deviation; logits' kernel is qkStd² · K")
                        .range(0, 1e3),
                ParamSpec.number("vStd", 1.0, "value weight standard deviation").range(0, 1e6),
                ParamSpec.number("oStd", 1.0, "output weight standard deviation").range(0, 1e6),
                ParamSpec.number("bStd", 0.0, "output bias standard deviation").range(0, 1e6),
                ParamSpec.bool("causal", false, "each position attends only to itself and earlier positions "
                        + "(row-major order for images)"),
                ParamSpec.choice("posEmb", "none", List.of("none", "sum"),
                        "positional embeddings added to the queries/keys: \"none\" or \"sum\""),
                ParamSpec.number("posStd", 1.0, "positional embedding standard deviation (posEmb \"sum\")").range(0, 1e3),
                ParamSpec.number("posDecay", 0.5, "correlation of embeddings one step apart; it decays as "
                        + "posDecay^distance (L1 distance on the grid; posEmb \"sum\")").range(0, 1),
                ParamSpec.integer("width", 1024, "key, value and output width per head; only the standard "
                        + "parameterization's NTK depends on it").range(1, 1 << 24));
    }

    @Override
    public Layer create(LayerConfig c, BuildContext ctx) {
        boolean pos = c.getString("posEmb").equals("sum");
        if (!pos) {
            for (String p : List.of("posStd", "posDecay")) {
                if (c.isSet(p)) {
                    throw new SpecException(c.path() + "." + p, "\"" + p + "\" only applies with \"posEmb\": \"sum\", "
                            + "but posEmb is \"none\"; remove it or set posEmb to \"sum\"");
                }
            }
        }
        AttentionSettings s = new AttentionSettings(c.getInt("heads"), c.getDouble("qkStd"), c.getDouble("vStd"),
                c.getDouble("oStd"), c.getDouble("bStd"), c.getBoolean("causal"), pos,
                pos ? c.getDouble("posStd") : 0.0, pos ? c.getDouble("posDecay") : 0.0, c.getInt("width"),
                ctx.parameterization());
        return new Attention(c.path(), s);
    }
}
