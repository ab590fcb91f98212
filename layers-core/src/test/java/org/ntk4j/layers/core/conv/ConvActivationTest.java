package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.api.Layer;
import org.ntk4j.api.OwnCovariance;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.compute.KernelOptions;

/**
 * conv followed by an activation is fused (rows updated in place and transformed while in cache),
 * and own covariances keep only variances when nothing reads more: both must give the bits of the
 * plain computation.
 */
class ConvActivationTest {

    private static final Ntk4j NTK4J = Ntk4j.create();

    private static String conv(String padding, String filter, boolean wrapped) {
        String c = "{\"type\": \"conv\", \"filter\": " + filter + ", \"padding\": \"" + padding
                + "\", \"wStd\": 1.3, \"bStd\": 0.2, \"width\": 64}";
        // A conv inside a serial of its own is not fused with the activation that follows.
        return wrapped ? "{\"type\": \"serial\", \"layers\": [" + c + "]}" : c;
    }

    private static String network(String padding, String filter, String activation, String middle, String ending,
                                  boolean wrapped, String parameterization) {
        String act = "{\"type\": \"" + activation + "\"}";
        return "{\"parameterization\": \"" + parameterization + "\", \"layers\": [" + conv(padding, filter, wrapped) + ", "
                + act + ", " + middle + conv(padding, filter, wrapped) + ", " + act + ", {\"type\": \"" + ending
                + "\"}, {\"type\": \"dense\", \"wStd\": 1.1, \"bStd\": 0.1}]}";
    }

    private static void assertSameBits(String padding, String filter, String activation, String middle, String ending,
                                       Inputs x, String parameterization) {
        KernelMatrices fused = kernels(network(padding, filter, activation, middle, ending, false, parameterization), x);
        KernelMatrices plain = kernels(network(padding, filter, activation, middle, ending, true, parameterization), x);
        String what = padding + " " + filter + " " + activation + " " + middle + ending + " " + parameterization;
        assertThat(fused.nngp()).as(what).containsExactly(plain.nngp());
        assertThat(fused.ntk()).as(what).containsExactly(plain.ntk());
    }

    private static KernelMatrices kernels(String json, Inputs x) {
        // Several tiles with x2 = x1: diagonal and off-diagonal tiles, and one-pair tiles.
        return NTK4J.parse(json, "test").kernels(x, null, KernelOptions.defaults().withThreads(1).withTileBytes(1));
    }

    @Test
    void fusedConvActivationGivesTheBitsOfTheTwoLayers() {
        Inputs images = Images.random(3, 3, 6, 7, 2);     // 42 positions: one dual run per row
        Inputs small = Images.random(4, 3, 4, 5, 2);      // 20 positions: gathered batches
        Inputs sequences = Images.random(5, 3, 37, 2);    // 1-D
        for (String p : new String[]{"ntk", "standard"}) {
            for (String padding : new String[]{"SAME", "CIRCULAR"}) {
                assertSameBits(padding, "[3, 3]", "relu", "", "globalAvgPool", images, p);
                assertSameBits(padding, "[3, 2]", "erf", "", "globalAvgPool", small, p);
                assertSameBits(padding, "[5]", "relu", "", "globalAvgPool", sequences, p);
                // Pooling in the middle: own covariances stay FULL and go through the row update too.
                assertSameBits(padding, "[3, 3]", "relu", "{\"type\": \"avgPool\", \"window\": [2, 1]}, ", "globalAvgPool",
                        images, p);
                // Ending in flatten: DIAGONAL mode, where the pair falls back to the two layers.
                assertSameBits(padding, "[3, 3]", "relu", "", "flatten", images, p);
            }
        }
        // VALID padding changes the positions: the two layers in turn.
        assertSameBits("VALID", "[3, 3]", "relu", "", "globalAvgPool", images, "ntk");
    }

    @Test
    void ownVariancesAloneGiveTheBitsOfFullOwnCovariances() {
        Architecture arch = NTK4J.parse(network("SAME", "[3, 3]", "relu", "", "globalAvgPool", false, "ntk"), "test");
        Layer net = arch.network();
        assertThat(net.ownCovarianceRead(OwnCovariance.UNUSED)).isEqualTo(OwnCovariance.DIAGONAL);
        double[][] a = States.inputs(2, 42, 3, 11);
        double[][] b = States.inputs(3, 42, 3, 12);
        KernelState full = net.apply(States.of(a, b, new int[]{6, 7}, 3, Positions.FULL, false));
        KernelState own = net.apply(States.of(a, b, new int[]{6, 7}, 3, Positions.FULL, true));
        assertThat(own.cross()).containsExactly(full.cross());
        assertThat(own.ntk()).containsExactly(full.ntk());
        // Nothing reads the pooled own variances, so they are marked unknown rather than computed.
        assertThat(java.util.Arrays.stream(own.self1()).allMatch(Double::isNaN)).isTrue();
    }

    @Test
    void theArchitectureDecidesHowMuchOfTheOwnCovariancesToKeep() {
        assertThat(read(network("SAME", "[3, 3]", "relu", "", "globalAvgPool", false, "ntk")))
                .isEqualTo(OwnCovariance.DIAGONAL);
        assertThat(read(network("SAME", "[3, 3]", "relu", "", "flatten", false, "ntk")))
                .isEqualTo(OwnCovariance.DIAGONAL);
        // A pool followed by an activation needs the own covariances between window positions.
        assertThat(read(network("SAME", "[3, 3]", "relu", "{\"type\": \"avgPool\", \"window\": [2, 2]}, ",
                "globalAvgPool", false, "ntk"))).isEqualTo(OwnCovariance.FULL);
        // Without activations nothing reads a variance at all.
        assertThat(read("{\"layers\": [" + conv("SAME", "[3, 3]", false) + ", {\"type\": \"globalAvgPool\"}, "
                + "{\"type\": \"dense\"}]}")).isEqualTo(OwnCovariance.UNUSED);
    }

    private static OwnCovariance read(String json) {
        return NTK4J.parse(json, "test").network().ownCovarianceRead(OwnCovariance.UNUSED);
    }
}
