package org.ntk4j.layers.attention;

import org.ntk4j.api.Parameterization;

/**
 * The validated parameters of one attention layer.
 *
 * @param posEmb   whether positional embeddings are added to the queries/keys
 * @param posStd   their standard deviation (0 without them)
 * @param posDecay their correlation per unit of grid distance
 * @param width    key/value width per head and output width (the finite width under "standard")
 */
record AttentionSettings(int heads, double qkStd, double vStd, double oStd, double bStd, boolean causal,
                         boolean posEmb, double posStd, double posDecay, int width,
                         Parameterization parameterization) {
}
