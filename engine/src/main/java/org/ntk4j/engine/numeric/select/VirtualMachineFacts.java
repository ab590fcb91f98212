package org.ntk4j.engine.numeric.select;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * What the start-up selection needs to know about the running JVM, behind an interface so that
 * tests can describe other JVMs (no vector module, C1 only, 64-bit vectors).
 */
interface VirtualMachineFacts {

    /** The value of {@code -Dntk4j.simd}, or null. */
    String simdProperty();

    /** True when the boot layer has {@code jdk.incubator.vector} (started with --add-modules). */
    boolean vectorModuleReadable();

    /** Why C2 cannot run here (interpreter only, C1 only), or empty when it can. */
    Optional<String> compilerLimit();

    /** Where to look for the SIMD core's class. */
    ClassLoader classLoader();

    /** The facts of this JVM. */
    static VirtualMachineFacts current() {
        return new Current();
    }

    final class Current implements VirtualMachineFacts {

        @Override
        public String simdProperty() {
            return System.getProperty(NumericCoreSelection.PROPERTY);
        }

        @Override
        public boolean vectorModuleReadable() {
            return ModuleLayer.boot().findModule(NumericCoreSelection.VECTOR_MODULE).isPresent();
        }

        /**
         * Asks HotSpot's own flags first (they also see options from JAVA_TOOL_OPTIONS and
         * @argfiles), then falls back to the command line when the diagnostic bean is missing
         * (a JVM without jdk.management).
         */
        @Override
        public Optional<String> compilerLimit() {
            if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
                return Optional.of("the JIT compilers are off (-Xint)");
            }
            try {
                HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                if (hotspot != null) {
                    boolean tiered = Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue());
                    int level = Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue());
                    return VirtualMachineFacts.compilerLimit(tiered, level);
                }
            } catch (RuntimeException | LinkageError e) {
                // No HotSpot flags to read: the command line below is the next best source.
            }
            return fromArguments(ManagementFactory.getRuntimeMXBean().getInputArguments());
        }

        @Override
        public ClassLoader classLoader() {
            return NumericCoreSelection.class.getClassLoader();
        }
    }

    /** C2 is tier 4: with tiered compilation stopped below it, only the interpreter and C1 run. */
    static Optional<String> compilerLimit(boolean tiered, int stopAtLevel) {
        if (tiered && stopAtLevel < 4) {
            return Optional.of("C2 is off (-XX:TieredStopAtLevel=" + stopAtLevel + ")");
        }
        return Optional.empty();
    }

    /** The same decision from JVM options as given; the last occurrence of a flag wins, as in HotSpot. */
    static Optional<String> fromArguments(List<String> arguments) {
        boolean tiered = true;
        int level = 4;
        for (String a : arguments) {
            if (a.equals("-Xint")) {
                return Optional.of("the JIT compilers are off (-Xint)");
            } else if (a.equals("-XX:-TieredCompilation")) {
                tiered = false;
            } else if (a.equals("-XX:+TieredCompilation")) {
                tiered = true;
            } else if (a.startsWith("-XX:TieredStopAtLevel=")) {
                try {
                    level = Integer.parseInt(a.substring("-XX:TieredStopAtLevel=".length()).trim());
                } catch (NumberFormatException e) {
                    // The JVM would not have started with a malformed level; ignore it here too.
                }
            }
        }
        return compilerLimit(tiered, level);
    }
}
