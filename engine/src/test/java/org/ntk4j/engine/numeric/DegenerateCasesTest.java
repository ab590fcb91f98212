package org.ntk4j.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;

/** Zero variance, |ρ| = 1, clamping, symmetry and finiteness of the automatic rule. */
class DegenerateCasesTest {

    private final ScalarNumericCore core = new ScalarNumericCore();

    private double[] auto(String act, double k11, double k22, double k12) {
        return ScalarNumericCoreReferenceTest.dual(core.quadrature(TestActivations.byName(act), 0), k11, k22, k12);
    }

    @Test
    void zeroVarianceFactorisesExactly() {
        // u ≡ 0: E[cos(u)cos(v)] = E[cos v] = e^{−k22/2}; E[sin'(u) sin'(v)] = E[cos v] as well.
        assertThat(auto("cos", 0, 3, 0)[0]).isCloseTo(Math.exp(-1.5), within(1e-12));
        assertThat(auto("cos", 3, 0, 0)[0]).isCloseTo(Math.exp(-1.5), within(1e-12));
        assertThat(auto("sin", 0, 3, 0)[1]).isCloseTo(Math.exp(-1.5), within(1e-12));
        assertThat(auto("sin", 0, 3, 0)[0]).isZero();
        // both zero: φ(0)² and φ'(0)²
        assertThat(auto("sigmoid", 0, 0, 0)).containsExactly(0.25, 0.0625);
        assertThat(auto("cos", 0, 0, 0)).containsExactly(1.0, 0.0);
        // relu at zero variance: relu(0) = 0, whatever the other side
        assertThat(auto("relu", 0, 5, 0)[0]).isZero();
    }

    @Test
    void tinyVarianceApproachesTheZeroVarianceValue() {
        assertThat(auto("cos", 1e-300, 3, 0)[0]).isCloseTo(Math.exp(-1.5), within(1e-12));
        assertThat(auto("cos", 1e-20, 3, 1e-11)[0]).isCloseTo(Math.exp(-1.5), within(1e-12));
    }

    @Test
    void fullCorrelationIsTheIntegralOnTheLine() {
        // ρ = 1 at equal variances: E[relu(u)²] = k/2, E[relu'(u)²] = 1/2; ρ = −1: relu(u)relu(−u) = 0
        // (the truncation at |z| = 7.5 costs ~4e-12 relative for a quadratic integrand)
        assertThat(auto("relu", 3, 3, 3)[0]).isCloseTo(1.5, within(1e-11));
        assertThat(auto("relu", 3, 3, 3)[1]).isCloseTo(0.5, within(1e-12));
        assertThat(auto("relu", 3, 3, -3)).containsExactly(0.0, 0.0);
        // unequal variances on the line: E[sin(a z) sin(b z)] = (e^{−(a−b)²/2} − e^{−(a+b)²/2}) / 2
        double a = Math.sqrt(2);
        double b = Math.sqrt(0.5);
        double exact = (Math.exp(-(a - b) * (a - b) / 2) - Math.exp(-(a + b) * (a + b) / 2)) / 2;
        assertThat(auto("sin", 2, 0.5, 1)[0]).isCloseTo(exact, within(1e-13));
        assertThat(auto("sin", 2, 0.5, -1)[0]).isCloseTo(-exact, within(1e-13));
    }

    @Test
    void correlationBeyondOneIsClamped() {
        // beyond |ρ| = 1 both sides land on the same line; the boundary k12 = √6 itself (whose
        // rounding leaves ρ within 1e-16 of 1) agrees with it to the rule's accuracy
        double root6 = Math.sqrt(6);
        double[] line = auto("tanh", 2, 3, 1.000001 * root6);
        assertThat(auto("tanh", 2, 3, 1.5 * root6)).containsExactly(line);
        assertThat(auto("tanh", 2, 3, root6)[0]).isCloseTo(line[0], within(1e-12));
        assertThat(auto("tanh", 2, 3, root6)[1]).isCloseTo(line[1], within(1e-12));
        assertThat(auto("tanh", 2, 3, -7)).containsExactly(auto("tanh", 2, 3, -1.1 * root6));
    }

    @Test
    void swappingTheVariancesGivesTheSameResult() {
        for (String act : new String[] {"tanh", "relu", "elu", "sign"}) {
            for (double k12 : new double[] {-2.4, -1, 0.3, 2.4, 2.449}) {
                assertThat(auto(act, 1, 6, k12)).containsExactly(auto(act, 6, 1, k12));
            }
        }
    }

    @Test
    void nearlyCollinearEntriesAreContinuousInTheCorrelation() {
        // Across the switch between the two integration orders (c/|ρ| = 1e-3) down to the smallest
        // angle a double k12 can express next to k11 = k22 (c ≈ 1.5e-8) and the exact line,
        // relu's NTK (π − θ)/(2π) must stay on its curve; θ is taken from the k12 actually passed.
        for (double angle : new double[] {2e-3, 1.001e-3, 0.999e-3, 5e-4, 1e-6, 1e-7, 3e-8, 1.5e-8, 0}) {
            double k12 = 2 * Math.cos(angle);
            double theta = Math.atan2(Math.sqrt(Math.max(0, 4 - k12 * k12)), k12);
            double[] got = auto("relu", 2, 2, k12);
            assertThat(got[1]).as("angle %s", angle).isCloseTo((Math.PI - theta) / (2 * Math.PI), within(1e-10));
            double cov = 2 * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / (2 * Math.PI);
            assertThat(got[0]).as("angle %s", angle).isCloseTo(cov, within(1e-10));
        }
    }

    @Test
    void noNaNForAnyFiniteInput() {
        double[] variances = {0, 1e-300, 1e-12, 1e-3, 1, 10, 100, 1e4};
        double[] correlations = {-1.5, -1, -1 + 1e-15, -0.999, -0.3, 0, 1e-300, 0.5, 1 - 1e-15, 1, 1.5};
        List<String> bad = new ArrayList<>();
        for (String act : new String[] {"relu", "tanh", "sign", "softplus", "elu", "sigmoid"}) {
            DualActivation dual = core.quadrature(TestActivations.byName(act), 0);
            for (double a : variances) {
                for (double b : variances) {
                    for (double rho : correlations) {
                        double k12 = rho * Math.sqrt(a * b);
                        double[] r = ScalarNumericCoreReferenceTest.dual(dual, a, b, k12);
                        if (!Double.isFinite(r[0]) || !Double.isFinite(r[1])) {
                            bad.add(act + " " + a + " " + b + " " + k12);
                        }
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void roundingNegativeVariancesCountAsZero() {
        assertThat(auto("cos", -1e-17, 3, 0)).containsExactly(auto("cos", 0, 3, 0));
    }

    @Test
    void nanInputGivesNaNOutput() {
        assertThat(auto("tanh", Double.NaN, 1, 0.5)[0]).isNaN();
        assertThat(auto("tanh", 1, 1, Double.NaN)[1]).isNaN();
    }

    @Test
    void batchWithoutDotSkipsTheDerivative() {
        int[] derivativeCalls = {0};
        ActivationFunction counting = TestActivations.of(Math::tanh, x -> {
            derivativeCalls[0]++;
            return 1 - Math.tanh(x) * Math.tanh(x);
        });
        DualActivation dual = core.quadrature(counting, 0);
        double[] k11 = {1, 2, 0.5};
        double[] k22 = {1, 3, 0.5};
        double[] k12 = {0.5, -1, 0.5};
        double[] cov = new double[3];
        dual.compute(k11, k22, k12, 3, cov, null);
        assertThat(derivativeCalls[0]).isZero();
        double[] cov2 = new double[3];
        double[] dot = new double[3];
        dual.compute(k11, k22, k12, 3, cov2, dot);
        assertThat(cov2).containsExactly(cov);
        assertThat(derivativeCalls[0]).isPositive();
        // entries are independent of their batch neighbours
        assertThat(cov[1]).isEqualTo(auto("tanh", 2, 3, -1)[0]);
    }

    /**
     * The Hermite coefficients of a whole batch come from one matrix product: a pair's values must
     * still be the same bits as when its variances are computed alone (else results would depend on
     * the tiling and on which thread got to a variance first).
     */
    @Test
    void largeBatchesGiveTheBitsOfSinglePairs() {
        int n = 53;
        double[] k11 = new double[n];
        double[] k22 = new double[n];
        double[] k12 = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int i = 0; i < n; i++) {
            k11[i] = 0.2 + 3 * random.nextDouble();
            k22[i] = 0.2 + 3 * random.nextDouble();
            k12[i] = (1.6 * random.nextDouble() - 0.8) * Math.sqrt(k11[i] * k22[i]);
        }
        double[] cov = new double[n];
        double[] dot = new double[n];
        core.quadrature(TestActivations.byName("tanh"), 0).compute(k11, k22, k12, n, cov, dot);
        for (int i = 0; i < n; i++) {
            double[] alone = auto("tanh", k11[i], k22[i], k12[i]);
            assertThat(cov[i]).as("cov %d", i).isEqualTo(alone[0]);
            assertThat(dot[i]).as("dot %d", i).isEqualTo(alone[1]);
        }
    }
}
