package org.ntk4j.layers.rnn;

import java.util.List;
import org.ntk4j.api.ParamSpec;

/** What a recurrent layer returns: its state at the last present step, the mean over present steps, or every step. */
enum OutputMode {
    LAST("last"),
    MEAN("mean"),
    SEQUENCE("sequence");

    static final ParamSpec PARAM = ParamSpec.choice("output", "last", List.of("last", "mean", "sequence"),
            "\"last\": state at each sequence's last present step; \"mean\": mean over present steps; "
                    + "\"sequence\": every step (masked steps repeat the previous state)");

    private final String json;

    OutputMode(String json) {
        this.json = json;
    }

    static OutputMode of(String json) {
        for (OutputMode m : values()) {
            if (m.json.equals(json)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown output mode " + json);
    }

    String json() {
        return json;
    }
}
