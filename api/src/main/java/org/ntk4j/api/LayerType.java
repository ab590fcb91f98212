package org.ntk4j.api;

import java.util.List;

/** A named kind of layer: its JSON {@code type}, its parameters, and how to build an instance. */
public interface LayerType {

    /** The JSON {@code type}, camelCase, e.g. {@code "dense"}. */
    String name();

    /** One line for {@code ntk4j layers}. */
    String description();

    /** Every parameter the layer accepts; the engine validates JSON against this before {@link #create}. */
    List<ParamSpec> params();

    /** Builds a configured layer from validated parameters. May throw {@link SpecException}. */
    Layer create(LayerConfig config, BuildContext context);
}
