package org.ntk4j.layers.core.activation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityAndSignDualTest {

    @Test
    void identityMatchesQuadrature() {
        DualAgreement.check("identity", new Identity());
    }

    /** The quadrature of sign' · sign' is 0 too: dot = 0 is checked, not assumed. */
    @Test
    void signMatchesQuadrature() {
        DualAgreement.check("sign", new Sign());
    }

    @Test
    void identityPassesTheCovarianceThrough() {
        double[] cov = new double[2];
        double[] dot = new double[2];
        new Identity().closedForm().orElseThrow()
                .compute(new double[] {2.0, 1.0}, new double[] {3.0, 1.0}, new double[] {-1.25, 0.5}, 2, cov, dot);
        assertThat(cov).containsExactly(-1.25, 0.5);
        assertThat(dot).containsExactly(1.0, 1.0);
    }
}
