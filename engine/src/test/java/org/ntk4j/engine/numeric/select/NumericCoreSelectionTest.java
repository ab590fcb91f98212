package org.ntk4j.engine.numeric.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.NumericCore;

/**
 * The selection's decisions for JVMs described by hand. The engine's test class path has no
 * kernels-simd, so a JVM that passes every check still lands on the scalar core here, naming the
 * missing class; the SIMD path itself is exercised by kernels-simd's tests on both JVMs.
 */
class NumericCoreSelectionTest {

    private final NumericCore scalar = new FakeScalar();

    @Test
    void theSystemPropertyForcesTheScalarCore() {
        NumericCoreSelection.Choice c = NumericCoreSelection.select(scalar, facts("false", true, Optional.empty()));
        assertThat(c.core()).isSameAs(scalar);
        assertThat(c.simd()).isFalse();
        assertThat(c.reason()).isEqualTo("-Dntk4j.simd=false");
    }

    @Test
    void withoutTheVectorModuleTheScalarCoreRunsAndSaysHowToGetIt() {
        NumericCoreSelection.Choice c = NumericCoreSelection.select(scalar, facts(null, false, Optional.empty()));
        assertThat(c.core()).isSameAs(scalar);
        assertThat(c.reason()).isEqualTo("jdk.incubator.vector is not readable "
                + "(start the JVM with --add-modules jdk.incubator.vector)");
    }

    @Test
    void withoutC2TheScalarCoreRuns() {
        NumericCoreSelection.Choice c = NumericCoreSelection.select(scalar,
                facts("true", true, Optional.of("C2 is off (-XX:TieredStopAtLevel=1)")));
        assertThat(c.core()).isSameAs(scalar);
        assertThat(c.reason()).startsWith("C2 is off (-XX:TieredStopAtLevel=1)");
    }

    @Test
    void withoutKernelsSimdOnTheClassPathTheScalarCoreRunsAndNamesTheClass() {
        NumericCoreSelection.Choice c = NumericCoreSelection.select(scalar, facts(null, true, Optional.empty()));
        assertThat(c.core()).isSameAs(scalar);
        assertThat(c.reason()).isEqualTo("kernels-simd (org.ntk4j.simd.SimdNumericCore) is not on the class path");
    }

    @Test
    void aWideEnoughVectorCoreIsLoadedByNameAndWrapsTheScalarCore() {
        NumericCoreSelection.Choice c = NumericCoreSelection.select(scalar,
                facts(null, true, Optional.empty()), WideCore.class.getName());
        assertThat(c.simd()).isTrue();
        assertThat(c.core()).isInstanceOf(WideCore.class);
        assertThat(((WideCore) c.core()).scalar).isSameAs(scalar);
        assertThat(c.reason()).isEqualTo("jdk.incubator.vector readable, C2 on, 256-bit vectors");
    }

    @Test
    void vectorsNarrowerThan128BitsKeepTheScalarCore() {
        NumericCoreSelection.Choice c = NumericCoreSelection.select(scalar,
                facts(null, true, Optional.empty()), NarrowCore.class.getName());
        assertThat(c.core()).isSameAs(scalar);
        assertThat(c.reason()).isEqualTo("the preferred vector holds 64 bits, fewer than 128");
    }

    @Test
    void aCoreThatFailsToStartKeepsTheScalarCoreAndSaysWhy() {
        NumericCoreSelection.Choice c = NumericCoreSelection.select(scalar,
                facts(null, true, Optional.empty()), BrokenCore.class.getName());
        assertThat(c.core()).isSameAs(scalar);
        assertThat(c.reason()).contains("cannot be created").contains("no vector unit");
    }

    @Test
    void c2IsOffWithTheInterpreterOnlyOrTieredCompilationStoppedBelowLevelFour() {
        assertThat(VirtualMachineFacts.fromArguments(List.of("-Xmx1g"))).isEmpty();
        assertThat(VirtualMachineFacts.fromArguments(List.of("-Xint"))).contains("the JIT compilers are off (-Xint)");
        assertThat(VirtualMachineFacts.fromArguments(List.of("-XX:TieredStopAtLevel=1")))
                .contains("C2 is off (-XX:TieredStopAtLevel=1)");
        assertThat(VirtualMachineFacts.fromArguments(List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4")))
                .isEmpty();
        // Without tiered compilation C2 compiles alone and the stop level does not apply.
        assertThat(VirtualMachineFacts.fromArguments(List.of("-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation")))
                .isEmpty();
    }

    @Test
    void thisTestJvmHasC2() {
        assertThat(VirtualMachineFacts.current().compilerLimit()).isEmpty();
    }

    @Test
    void theProcessWideSelectionIsStable() {
        NumericCoreSelection.Choice first = NumericCoreSelection.select(scalar);
        NumericCoreSelection.Choice second = NumericCoreSelection.select(scalar);
        assertThat(second.reason()).isEqualTo(first.reason());
        assertThat(first.core()).isSameAs(scalar);
    }

    private static VirtualMachineFacts facts(String property, boolean module, Optional<String> limit) {
        return new VirtualMachineFacts() {
            @Override
            public String simdProperty() {
                return property;
            }

            @Override
            public boolean vectorModuleReadable() {
                return module;
            }

            @Override
            public Optional<String> compilerLimit() {
                return limit;
            }

            @Override
            public ClassLoader classLoader() {
                return NumericCoreSelectionTest.class.getClassLoader();
            }
        };
    }

    static class FakeScalar implements NumericCore {
        @Override
        public String name() {
            return "scalar";
        }

        @Override
        public DualActivation quadrature(ActivationFunction f, int degree) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DualActivation monteCarlo(ActivationFunction f, int samples, long seed) {
            throw new UnsupportedOperationException();
        }
    }

    /** Shaped like SimdNumericCore: a (NumericCore) constructor and a static preferredBitSize(). */
    public static class WideCore extends FakeScalar {
        final NumericCore scalar;

        public WideCore(NumericCore scalar) {
            this.scalar = scalar;
        }

        public static int preferredBitSize() {
            return 256;
        }

        @Override
        public String name() {
            return "simd(256-bit)";
        }
    }

    public static class NarrowCore extends WideCore {
        public NarrowCore(NumericCore scalar) {
            super(scalar);
        }

        public static int preferredBitSize() {
            return 64;
        }
    }

    public static class BrokenCore extends WideCore {
        public BrokenCore(NumericCore scalar) {
            super(scalar);
            throw new IllegalStateException("no vector unit");
        }
    }
}
