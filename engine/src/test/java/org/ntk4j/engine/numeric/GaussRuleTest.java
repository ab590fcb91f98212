package org.ntk4j.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussRuleTest {

    @Test
    void legendreIsExactForPolynomialsOfDegreeBelow2n() {
        for (int n : new int[] {1, 2, 8, 17, 30}) {
            GaussRule r = GaussRule.legendre(n);
            for (int p = 0; p < 2 * n; p += 2) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += r.weight(i) * Math.pow(r.node(i), p);
                }
                assertThat(sum).as("n=%d, x^%d", n, p).isCloseTo(2.0 / (p + 1), within(1e-14));
            }
        }
    }

    @Test
    void hermiteReproducesNormalMoments() {
        // E[Z^(2k)] = (2k − 1)!!, exact for 2k < 2n
        GaussRule r = GaussRule.hermite(10);
        double doubleFactorial = 1;
        for (int k = 0; k < 10; k++) {
            if (k > 0) {
                doubleFactorial *= 2 * k - 1;
            }
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += r.weight(i) * Math.pow(r.node(i), 2 * k);
            }
            assertThat(sum / doubleFactorial).as("k=%d", k).isCloseTo(1.0, within(1e-13));
        }
    }

    @Test
    void nodesAreSymmetricAndSortedWithPositiveWeightsEvenForLargeRules() {
        GaussRule r = GaussRule.hermite(400);
        double total = 0;
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.node(i)).isEqualTo(-r.node(r.size() - 1 - i));
            // the outermost weights of a 400-point rule (|z| ≈ 40) underflow to 0, correctly
            assertThat(r.weight(i)).isNotNegative().isFinite();
            if (i > 0) {
                assertThat(r.node(i)).isGreaterThan(r.node(i - 1));
            }
            total += r.weight(i);
        }
        assertThat(total).isCloseTo(1.0, within(1e-13));
        assertThat(GaussRule.hermite(25).node(12)).isZero();
        GaussRule moderate = GaussRule.hermite(100);
        for (int i = 0; i < moderate.size(); i++) {
            assertThat(moderate.weight(i)).isPositive();
        }
    }

    @Test
    void refusesSizesOutOfRange() {
        assertThatThrownBy(() -> GaussRule.legendre(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GaussRule.hermite(GaussRule.MAX_POINTS + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
