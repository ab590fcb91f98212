package org.ntk4j.engine.finite;

import java.util.SplittableRandom;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/** The {@link FiniteContext} the engine hands to layers building their twins. */
final class TwinContext implements FiniteContext {
    private final int width;
    private final Parameterization parameterization;
    private final SplittableRandom random;
    private final Shape input;

    TwinContext(int width, Parameterization parameterization, SplittableRandom random, Shape input) {
        this.width = width;
        this.parameterization = parameterization;
        this.random = random;
        this.input = input;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public Parameterization parameterization() {
        return parameterization;
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public Shape input() {
        return input;
    }

    @Override
    public FiniteLayer finite(Layer layer, Shape in) {
        return layer.finite(new TwinContext(width, parameterization, random, in));
    }
}
