package org.ntk4j.api.finite;

import java.util.SplittableRandom;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;

/** What a layer gets when it builds its finite-width twin. */
public interface FiniteContext {

    /** The hidden width to use for layers whose width is free (all widths under "ntk"). */
    int width();

    Parameterization parameterization();

    /** The random source for parameter initialisation. */
    SplittableRandom random();

    /** The shape of one input of this layer in the finite network (channels are finite widths). */
    Shape input();

    /** Builds the twin of a nested layer on the given input shape (for combinators). */
    FiniteLayer finite(Layer layer, Shape input);
}
