package org.ntk4j.engine.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.Ntk4jException;
import org.ntk4j.api.Ntk4jPlugin;

/**
 * Every layer type and activation found on the classpath and in a {@code plugins/} folder, each
 * jar of that folder in a class loader of its own. Built once at start-up; fails fast when two
 * plugins claim one name (naming both jars) or a plugin was compiled against another SPI version.
 */
public final class PluginRegistry {

    private final Map<String, Contribution<LayerType>> layers = new LinkedHashMap<>();
    private final Map<String, Contribution<ActivationType>> activations = new LinkedHashMap<>();

    private PluginRegistry() {
    }

    /** Discovers the plugins of {@code parent}'s classpath and of every jar in {@code pluginsDir}. */
    public static PluginRegistry discover(ClassLoader parent, Path pluginsDir) {
        PluginRegistry r = new PluginRegistry();
        r.loadFrom(parent, null);
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            for (Path jar : jarsIn(pluginsDir)) {
                URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[]{toUrl(jar)}, parent);
                r.loadFrom(loader, jar);
            }
        }
        return r;
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new Ntk4jException("cannot list the plugins folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new Ntk4jException("bad plugin path " + jar, e);
        }
    }

    private void loadFrom(ClassLoader loader, Path jar) {
        try {
            for (Ntk4jPlugin plugin : ServiceLoader.load(Ntk4jPlugin.class, loader)) {
                // A jar's loader also sees the classpath's plugins through its parent: keep only
                // the ones that live in the jar itself.
                if (jar != null && plugin.getClass().getClassLoader() != loader) {
                    continue;
                }
                register(plugin, sourceOf(plugin.getClass(), jar));
            }
        } catch (ServiceConfigurationError e) {
            throw new Ntk4jException("cannot load a plugin" + (jar == null ? "" : " from " + jar) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String sourceOf(Class<?> type, Path jar) {
        if (jar != null) {
            return jar.getFileName().toString();
        }
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "(classpath)";
        }
        String path = cs.getLocation().getPath();
        if (path.endsWith("/target/classes/")) {
            // A module's class folder (tests, IDEs): name the module.
            String module = path.substring(0, path.length() - "/target/classes/".length());
            return module.substring(module.lastIndexOf('/') + 1) + " (classes)";
        }
        int slash = path.endsWith("/") ? path.lastIndexOf('/', path.length() - 2) : path.lastIndexOf('/');
        return path.substring(slash + 1).replaceAll("/$", "");
    }

    private void register(Ntk4jPlugin plugin, String source) {
        if (plugin.spiVersion() != Ntk4jPlugin.SPI_VERSION) {
            throw new Ntk4jException("plugin " + plugin.getClass().getName() + " in " + source
                    + " was built for SPI version " + plugin.spiVersion() + ", this ntk4j has version "
                    + Ntk4jPlugin.SPI_VERSION + "; rebuild the plugin against this ntk4j-api");
        }
        for (LayerType t : plugin.layerTypes()) {
            claim(t.name(), source);
            layers.put(t.name(), new Contribution<>(t.name(), t, source));
        }
        for (ActivationType a : plugin.activationTypes()) {
            claim(a.name(), source);
            activations.put(a.name(), new Contribution<>(a.name(), a, source));
        }
    }

    private void claim(String name, String source) {
        Contribution<?> prior = layers.containsKey(name) ? layers.get(name) : activations.get(name);
        if (prior != null) {
            throw new Ntk4jException("two plugins define the type \"" + name + "\": " + prior.source()
                    + " and " + source + "; remove one of the jars");
        }
    }

    public Map<String, Contribution<LayerType>> layers() {
        return Collections.unmodifiableMap(layers);
    }

    public Map<String, Contribution<ActivationType>> activations() {
        return Collections.unmodifiableMap(activations);
    }
}
