package org.ntk4j.engine.numeric.select;

import java.lang.reflect.InvocationTargetException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ntk4j.api.NumericCore;

/**
 * Picks the numeric core once at start-up, as Lucene's VectorizationProvider does: the SIMD core
 * of {@code kernels-simd} when the JVM can run it well, else the scalar core, and one log line
 * saying which and why.
 *
 * <p>The SIMD core is used only when all of these hold, checked in this order, the first failure
 * naming the reason:
 * <ol>
 *   <li>{@code -Dntk4j.simd=false} is not set (the way to force the scalar core);</li>
 *   <li>{@code jdk.incubator.vector} is readable (the JVM was started with
 *       {@code --add-modules jdk.incubator.vector}); only then is any vector class touched;</li>
 *   <li>C2 is on: without it the Vector API runs as plain Java objects, slower than scalar code;</li>
 *   <li>{@code org.ntk4j.simd.SimdNumericCore} is on the class path and links on this JDK;</li>
 *   <li>the preferred vector holds at least 128 bits (two doubles), or vectors gain nothing.</li>
 * </ol>
 * The engine has no compile-time dependency on kernels-simd: the class is loaded by name.
 */
public final class NumericCoreSelection {

    /** The system property that turns the SIMD core off when {@code false}. */
    public static final String PROPERTY = "ntk4j.simd";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String SIMD_CORE = "org.ntk4j.simd.SimdNumericCore";
    static final int MIN_VECTOR_BITS = 128;

    private static final Logger LOG = Logger.getLogger(NumericCoreSelection.class.getName());

    /** The JVM does not change while it runs: decide and log once per process (guarded by the class). */
    private static Outcome decided;

    /** A chosen core, whether it is the SIMD one, and the reason, in words fit for the log. */
    public record Choice(NumericCore core, boolean simd, String reason) {
    }

    /** What was decided about this JVM: the SIMD core's class (null for scalar), why, and how loudly. */
    private record Outcome(Class<? extends NumericCore> simd, String reason, Level level) {
    }

    private NumericCoreSelection() {
    }

    /**
     * The core for this JVM: the SIMD core wrapping {@code scalar} (which it uses for quadrature and
     * Monte Carlo), or {@code scalar} itself. The first call logs one line: at FINE when the SIMD core
     * runs or the scalar one was asked for, at INFO when the JVM keeps the SIMD core out (so that a
     * user who expected it learns why, and the CLI stays quiet otherwise).
     */
    public static Choice select(NumericCore scalar) {
        Outcome outcome;
        boolean first = false;
        synchronized (NumericCoreSelection.class) {
            if (decided == null) {
                decided = decide(VirtualMachineFacts.current(), SIMD_CORE);
                first = true;
            }
            outcome = decided;
        }
        Choice choice = instantiate(outcome, scalar);
        if (first) {
            Level level = outcome.simd() != null && !choice.simd() ? Level.INFO : outcome.level();
            LOG.log(level, () -> "numeric core " + choice.core().name() + ": " + choice.reason());
        }
        return choice;
    }

    /** The same selection for the given facts, without caching or logging (for tests). */
    static Choice select(NumericCore scalar, VirtualMachineFacts facts) {
        return select(scalar, facts, SIMD_CORE);
    }

    /** The same with another class in the SIMD core's place (tests). */
    static Choice select(NumericCore scalar, VirtualMachineFacts facts, String simdCore) {
        return instantiate(decide(facts, simdCore), scalar);
    }

    private static Outcome decide(VirtualMachineFacts facts, String simdCore) {
        String property = facts.simdProperty();
        if (property != null && property.trim().equalsIgnoreCase("false")) {
            return scalar("-D" + PROPERTY + "=false", Level.FINE);
        }
        if (!facts.vectorModuleReadable()) {
            return scalar(VECTOR_MODULE + " is not readable (start the JVM with --add-modules " + VECTOR_MODULE + ")",
                    Level.INFO);
        }
        var limit = facts.compilerLimit();
        if (limit.isPresent()) {
            return scalar(limit.get() + ", and vector code is slow without it", Level.INFO);
        }
        Class<? extends NumericCore> simd;
        int bits;
        try {
            simd = Class.forName(simdCore, true, facts.classLoader()).asSubclass(NumericCore.class);
            bits = (Integer) simd.getMethod("preferredBitSize").invoke(null);
        } catch (ClassNotFoundException e) {
            return scalar("kernels-simd (" + simdCore + ") is not on the class path", Level.INFO);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            return scalar(simdCore + " cannot run on this JVM (" + cause + ")", Level.INFO);
        }
        if (bits < MIN_VECTOR_BITS) {
            return scalar("the preferred vector holds " + bits + " bits, fewer than " + MIN_VECTOR_BITS, Level.INFO);
        }
        return new Outcome(simd, VECTOR_MODULE + " readable, C2 on, " + bits + "-bit vectors", Level.FINE);
    }

    private static Outcome scalar(String reason, Level level) {
        return new Outcome(null, reason, level);
    }

    private static Choice instantiate(Outcome outcome, NumericCore scalar) {
        if (outcome.simd() == null) {
            return new Choice(scalar, false, outcome.reason());
        }
        try {
            NumericCore core = outcome.simd().getConstructor(NumericCore.class).newInstance(scalar);
            return new Choice(core, true, outcome.reason());
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            return new Choice(scalar, false, outcome.simd().getName() + " cannot be created (" + cause + ")");
        }
    }
}
