package org.ntk4j.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ntk4j.api.NumericCore;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.linalg.LinearAlgebra;
import org.ntk4j.engine.linalg.LinearAlgebras;
import org.ntk4j.engine.numeric.ScalarNumericCore;
import org.ntk4j.engine.numeric.select.NumericCoreSelection;
import org.ntk4j.engine.plugin.PluginRegistry;
import org.ntk4j.engine.spec.ArchitectureReader;
import org.ntk4j.engine.spec.LayerCatalog;

/**
 * The entry point of the Java API and the composition root: discovers plugins, wires the engine
 * with Guice, and reads architectures.
 *
 * <pre>{@code
 * Ntk4j ntk4j = Ntk4j.create();
 * Architecture arch = ntk4j.load(Path.of("relu-mlp.json"));
 * KernelMatrices k = arch.kernels(Inputs.of(x1), Inputs.of(x2));
 * }</pre>
 */
public final class Ntk4j {

    /** System property naming the installation folder, whose {@code plugins/} is scanned. */
    public static final String HOME_PROPERTY = "ntk4j.home";

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private final LayerCatalog catalog;
    private final NumericCore numeric;
    private final LinearAlgebra linearAlgebra;
    private final ArchitectureReader reader;

    private Ntk4j(Injector injector) {
        this.catalog = injector.getInstance(LayerCatalog.class);
        this.numeric = injector.getInstance(NumericCore.class);
        this.linearAlgebra = injector.getInstance(LinearAlgebra.class);
        this.reader = new ArchitectureReader(catalog, p -> new EngineBuildContext(p, numeric, catalog));
    }

    /** Plugins from the classpath and, when {@code -Dntk4j.home} is set, from its {@code plugins/} folder. */
    public static Ntk4j create() {
        String home = System.getProperty(HOME_PROPERTY);
        return create(home == null ? null : Path.of(home, "plugins"));
    }

    /** Plugins from the classpath and from every jar in {@code pluginsDir} (may be null). */
    public static Ntk4j create(Path pluginsDir) {
        startUp();
        PluginRegistry registry = PluginRegistry.discover(Ntk4j.class.getClassLoader(), pluginsDir);
        return new Ntk4j(Guice.createInjector(new EngineModule(registry)));
    }

    /**
     * Starts the slow once-per-process parts of start-up on a background thread, to overlap plugin
     * discovery and Guice's start-up: choosing the numeric core (the SIMD core then starts
     * compiling its relu code, see kernels-simd's BackgroundWarmUp) and loading native OpenBLAS
     * (~0.15 s). {@link #create} calls it; a command-line front end may call it first thing. The
     * engine's bindings wait for these choices and report any error themselves.
     */
    public static void startUp() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread early = new Thread(() -> {
            try {
                NumericCoreSelection.select(new ScalarNumericCore());
                LinearAlgebras.selection();
            } catch (RuntimeException e) {
                // Reported by the bindings, which make the same choices again.
            }
        }, "ntk4j-start-up");
        early.setDaemon(true);
        early.start();
    }

    /** Reads an architecture file. */
    public Architecture load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new SpecException(file.toString(), "cannot read: " + e.getMessage());
        }
        return parse(json, file.getFileName().toString());
    }

    /** Reads an architecture from JSON text; {@code source} names it in errors. */
    public Architecture parse(String json, String source) {
        ArchitectureReader.Document d = reader.read(json, source);
        return new Architecture(d.name(), d.parameterization(), d.layers(), numeric, linearAlgebra);
    }

    public Architecture parse(String json) {
        return parse(json, "architecture");
    }

    /** Builds an architecture in code (validated exactly like JSON). */
    public ArchitectureBuilder builder() {
        return new ArchitectureBuilder(this);
    }

    /** Every known layer type and activation, with parameters and sources. */
    public LayerCatalog catalog() {
        return catalog;
    }

    /** The numeric back-end in use. */
    public NumericCore numericCore() {
        return numeric;
    }

    /** The linear algebra back-end in use (native OpenBLAS or pure-Java EJML). */
    public LinearAlgebra linearAlgebra() {
        return linearAlgebra;
    }

    /** The default parameterization of documents that do not say. */
    public static Parameterization defaultParameterization() {
        return Parameterization.NTK;
    }
}
