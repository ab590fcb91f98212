package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.KernelState.Positions;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Pointwise;
import org.ntk4j.layers.core.Dense;

/** Exact properties of the conv kernel rule. */
class ConvExactTest {

    private static final int[] IMAGE = {6, 5};
    private static final int D = 2;

    private static KernelState state(Positions mode) {
        return States.of(States.inputs(3, 30, D, 1), States.inputs(2, 30, D, 2), IMAGE, D, mode);
    }

    @ParameterizedTest
    @EnumSource(Parameterization.class)
    void oneByOneConvIsDensePerPosition(Parameterization p) {
        for (Positions mode : new Positions[]{Positions.DIAGONAL, Positions.FULL}) {
            KernelState viaConv = new Conv("c", new int[]{1, 1}, null, Padding.SAME, 1.3, 0.4, 64, p).apply(state(mode));
            KernelState viaDense = new Dense("d", 1.3, 0.4, 64, p).apply(state(mode));
            assertThat(viaConv.spatial()).containsExactly(IMAGE);
            assertThat(viaConv.channels()).isEqualTo(64);
            assertThat(viaConv.cross()).containsExactly(viaDense.cross(), within(1e-14));
            assertThat(viaConv.ntk()).containsExactly(viaDense.ntk(), within(1e-14));
            assertThat(viaConv.self1()).containsExactly(viaDense.self1(), within(1e-14));
            assertThat(viaConv.self2()).containsExactly(viaDense.self2(), within(1e-14));
        }
    }

    @ParameterizedTest
    @EnumSource(Padding.class)
    void diagonalModeEqualsTheDiagonalOfTheFullCovariance(Padding padding) {
        // conv → relu → conv (strided) → relu → conv: the flatten path (DIAGONAL) against the
        // full-covariance path followed by its diagonal, for both parameterizations.
        for (Parameterization p : Parameterization.values()) {
            KernelState diag = chain(state(Positions.DIAGONAL), padding, p);
            KernelState full = chain(state(Positions.FULL), padding, p);
            int size = full.positions();
            int pairs = full.n1() * full.n2();
            assertThat(diag.positions()).isEqualTo(size);
            assertThat(diag.cross()).containsExactly(States.diagonal(full.cross(), pairs, size), within(1e-12));
            assertThat(diag.ntk()).containsExactly(States.diagonal(full.ntk(), pairs, size), within(1e-12));
            assertThat(diag.self1()).containsExactly(States.diagonal(full.self1(), full.n1(), size), within(1e-12));
            assertThat(diag.self2()).containsExactly(States.diagonal(full.self2(), full.n2(), size), within(1e-12));
        }
    }

    private static KernelState chain(KernelState s, Padding padding, Parameterization p) {
        KernelState a = new Conv("l0", new int[]{3, 2}, null, padding, 1.4, 0.1, 32, p).apply(s);
        a = Pointwise.apply(a, ArcCosRelu.INSTANCE);
        a = new Conv("l2", new int[]{2, 2}, new int[]{2, 1}, padding, 1.2, 0.3, 16, p).apply(a);
        a = Pointwise.apply(a, ArcCosRelu.INSTANCE);
        return new Conv("l4", new int[]{2, 2}, null, padding, 0.9, 0.2, 8, p).apply(a);
    }

    @Test
    void flattenPathEqualsFullCovariancePathThroughTheEngine() {
        // A 1×1 avgPool is the identity but needs the FULL covariance, so the engine switches the whole
        // network to FULL mode; flatten then keeps the diagonal. Both must give the same kernels.
        String body = """
                {"type": "conv", "filter": [3, 2], "wStd": 1.4, "bStd": 0.1}, {"type": "relu"},
                {"type": "conv", "filter": [2, 2], "strides": [2, 1], "padding": "VALID", "wStd": 1.3}, {"type": "relu"},
                {"type": "flatten"}, {"type": "dense", "wStd": 1.1, "bStd": 0.2}]}""";
        org.ntk4j.engine.Ntk4j ntk4j = org.ntk4j.engine.Ntk4j.create();
        org.ntk4j.engine.Architecture diagonal = ntk4j.parse("{\"layers\": [" + body);
        org.ntk4j.engine.Architecture full = ntk4j.parse("{\"layers\": [{\"type\": \"avgPool\", \"window\": [1, 1]}, " + body);
        org.ntk4j.engine.compute.Inputs x = Images.random(3, 3, 5, 4, 2);
        var a = diagonal.kernels(x);
        var b = full.kernels(x);
        assertThat(a.nngp()).containsExactly(b.nngp(), within(1e-12));
        assertThat(a.ntk()).containsExactly(b.ntk(), within(1e-12));
    }

    @Test
    void zeroPadsCountInTheFanIn() {
        // A 1-D SAME conv of width 3 on a constant-variance input: edge positions read one pad,
        // so their variance is 2/3 of the interior's (the fan-in is C·|F| everywhere).
        double[][] x = {{1, 1, 1, 1, 1}};
        KernelState s = States.of(x, x, new int[]{5}, 1, Positions.DIAGONAL);
        KernelState o = new Conv("c", new int[]{3}, null, Padding.SAME, 1, 0, 8, Parameterization.NTK).apply(s);
        assertThat(o.cross()).containsExactly(new double[]{2.0 / 3, 1, 1, 1, 2.0 / 3}, within(1e-15));
        KernelState c = new Conv("c", new int[]{3}, null, Padding.CIRCULAR, 1, 0, 8, Parameterization.NTK)
                .apply(States.of(x, x, new int[]{5}, 1, Positions.DIAGONAL));
        assertThat(c.cross()).containsExactly(new double[]{1, 1, 1, 1, 1}, within(1e-15));
    }
}
