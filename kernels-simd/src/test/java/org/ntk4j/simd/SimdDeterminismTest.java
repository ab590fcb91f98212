package org.ntk4j.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ntk4j.api.DualActivation;

/**
 * The atan2-based duals give the same bits however the JVM runs them: the literals below were
 * printed once by this code compiled by C2 with 512-bit vectors, and were the same with -Xint, with
 * C1 only (-XX:TieredStopAtLevel=1) and with 256-bit vectors (-XX:MaxVectorSize=32). Surefire runs
 * this class with C2 and again with C1 only; each checks the first call (before any compilation)
 * and a call after warm-up.
 */
@Tag("vector")
class SimdDeterminismTest {

    private static final double[] K11 = {1.3, 2.0, 1.0, 0.5, 1.0, 0.0, 9.0, 0.25, 0.3, 5.0};
    private static final double[] K22 = {0.7, 2.0, 4.0, 3.0, 1.0, 2.0, 0.01, 6.0, 0.3, 0.2};
    private static final double[] K12 = {0.4, 2.0, -2.0, -1.1, -0.999999, 0.0, 0.0, 1.2, 0.29999999999, -0.99};

    /** {cov, dot} per activation (abRelu with a = −0.3, b = 2). */
    private static final Map<String, double[][]> EXPECTED = Map.ofEntries(
            Map.entry("relu", new double[][] {
                    {0.2653780915189423, 1.0, 0.0, 0.006004793988519897, 1.500527268686271E-10, 0.0, 0.047746482927568605, 0.6005283099522989, 0.149999999995, 1.5012786657717176E-4},
                    {0.31886466915873585, 0.5, 0.0, 0.0724570598667973, 2.250790977991068E-4, 0.25, 0.25, 0.4679528915755125, 0.4999987005052775, 0.022526706822206095}}),
            Map.entry("abRelu", new double[][] {
                    {1.163850104135205, 4.09, 1.2, 0.6917653601992703, 0.5999994007937789, 0.0, 0.25257889468683786, 2.456794759647661, 0.61349999997955, 0.5947941764141932},
                    {1.0867940998497123, 2.045, -0.6, -0.21670215330464232, -0.5988093315726427, 0.7224999999999999, 0.7225, 1.875470796434461, 2.044993125672918, -0.4808337209105297}}),
            Map.entry("erf", new double[][] {
                    {0.1754796560918218, 0.5903344706017332, -0.559288496032012, -0.4001491154414393, -0.46455848498773306, 0.0, 0.0, 0.36579709953535733, 0.24471458706966207, -0.33668369628817063},
                    {0.45015815807855303, 0.4244131815783876, 0.38389616710267854, 0.420690186997983, 0.5694095792064884, 0.5694100347337416, 0.2892232701812113, 0.3434920993136988, 0.8584179259385254, 0.37579131676550326}}),
            Map.entry("gelu", new double[][] {
                    {0.18806067673499574, 0.9220828721100172, -0.10011785480329632, -0.09171779759961347, -0.07477847328042911, 0.0, 0.004507149401813821, 0.46323248670039496, 0.10354028683774716, -0.12414405459400851},
                    {0.3248172218043223, 0.48951193779169566, 0.028400682922934933, 0.08585165262098468, 0.04414941001501253, 0.25, 0.25, 0.39274708979973255, 0.36872610764120445, 0.11652345217021617}}),
            Map.entry("sign", new double[][] {
                    {0.2754586766349433, 1.0, -1.0, -0.7101717605328108, -0.9990996836088037, 0.0, 0.0, 0.8718115663020501, 0.9999948020211101, -0.9098931727111756},
                    {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}}));

    private final SimdNumericCore core = new SimdNumericCore(new StubScalarCore());

    @ParameterizedTest
    @ValueSource(strings = {"relu", "abRelu", "erf", "gelu", "sign"})
    void sameBitsBeforeAndAfterCompilation(String activation) {
        Map<String, Double> params = activation.equals("abRelu") ? Map.of("a", -0.3, "b", 2.0) : Map.of();
        DualActivation dual = core.closedForm(activation, new Params(params)).orElseThrow();
        int n = K11.length;
        double[] cov = new double[n];
        double[] dot = new double[n];
        for (int rep = 0; rep < 3000; rep++) {
            dual.compute(K11, K22, K12, n, cov, dot);
            if (rep == 0 || rep == 2999) {
                assertThat(cov).as("%s cov, call %d", activation, rep).containsExactly(EXPECTED.get(activation)[0]);
                assertThat(dot).as("%s dot, call %d", activation, rep).containsExactly(EXPECTED.get(activation)[1]);
            }
        }
    }
}
