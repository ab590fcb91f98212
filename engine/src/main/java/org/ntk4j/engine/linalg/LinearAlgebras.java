package org.ntk4j.engine.linalg;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import org.ntk4j.api.SpecException;

/**
 * Picks the linear-algebra back-end once per process: native OpenBLAS when it links and passes its
 * self-check, otherwise pure-Java EJML, with a one-line reason for logs and summary.json.
 *
 * <p>The native class is reached only by reflection inside a try block, so a missing jar, a missing
 * platform library or a failing static initialiser can never stop the application: they become the
 * reason for falling back. Force a choice with {@code -Dntk4j.linalg=java|native|auto} or
 * {@link #select(String)}.
 */
public final class LinearAlgebras {

    /** System property choosing the back-end: {@code auto} (default), {@code java} or {@code native}. */
    public static final String PROPERTY = "ntk4j.linalg";

    private static final String NATIVE_CLASS = "org.ntk4j.engine.linalg.OpenBlasLinearAlgebra";

    /** The chosen back-end and why, in one line. */
    public record Selection(LinearAlgebra backend, String reason) {
    }

    private static volatile Selection cached;
    private static volatile NativeProbe nativeProbe;

    private LinearAlgebras() {
    }

    /** The back-end for this process, honouring {@value #PROPERTY}; decided once. */
    public static LinearAlgebra best() {
        return selection().backend();
    }

    /** {@link #best()} together with its reason. */
    public static Selection selection() {
        Selection s = cached;
        if (s == null) {
            synchronized (LinearAlgebras.class) {
                s = cached;
                if (s == null) {
                    s = select(System.getProperty(PROPERTY, "auto"));
                    cached = s;
                }
            }
        }
        return s;
    }

    /**
     * Selects a back-end by mode: {@code auto} (native if it works, else Java), {@code java}, or
     * {@code native} (an error if it does not work).
     *
     * @throws SpecException for an unknown mode, or {@code native} when the native library is unusable
     */
    public static Selection select(String mode) {
        String m = mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "java":
                return new Selection(new EjmlLinearAlgebra(), "pure-Java EJML (forced: " + PROPERTY + "=java)");
            case "native": {
                NativeProbe p = probeNative();
                if (p.backend == null) {
                    throw new SpecException(PROPERTY, "native linear algebra was requested but OpenBLAS is unusable here: "
                            + p.failure + ". Use " + PROPERTY + "=java or auto.");
                }
                return new Selection(p.backend, p.description + " (forced: " + PROPERTY + "=native)");
            }
            case "auto": {
                NativeProbe p = probeNative();
                return p.backend != null
                        ? new Selection(p.backend, p.description)
                        : new Selection(new EjmlLinearAlgebra(), "pure-Java EJML; native OpenBLAS unavailable: " + p.failure);
            }
            default:
                throw new SpecException(PROPERTY, "expected auto, java or native, found '" + mode + "'");
        }
    }

    /** Outcome of trying the native back-end; computed once because loading is not repeatable. */
    private static final class NativeProbe {
        final LinearAlgebra backend;
        final String description;
        final String failure;

        NativeProbe(LinearAlgebra backend, String description, String failure) {
            this.backend = backend;
            this.description = description;
            this.failure = failure;
        }
    }

    private static synchronized NativeProbe probeNative() {
        if (nativeProbe == null) {
            nativeProbe = tryLoadNative();
        }
        return nativeProbe;
    }

    private static NativeProbe tryLoadNative() {
        String os = System.getProperty("os.name", "?") + "/" + System.getProperty("os.arch", "?");
        try {
            // No static reference to the native class: its linkage must happen inside this try.
            LinearAlgebra la = (LinearAlgebra) Class.forName(NATIVE_CLASS).getMethod("load").invoke(null);
            return new NativeProbe(la, la + " on " + os, null);
        } catch (InvocationTargetException e) {
            return failed(e.getCause(), os);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // LinkageError covers UnsatisfiedLinkError, NoClassDefFoundError and ExceptionInInitializerError.
            return failed(e, os);
        }
    }

    private static NativeProbe failed(Throwable t, String os) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return new NativeProbe(null, null, root.getClass().getSimpleName() + msg + " (" + os + ")");
    }
}
