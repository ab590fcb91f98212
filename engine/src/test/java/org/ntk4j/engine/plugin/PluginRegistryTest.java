package org.ntk4j.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.api.Ntk4jException;

class PluginRegistryTest {

    @TempDir
    Path tmp;

    /** Compiles a plugin class contributing one layer type named {@code typeName} and jars it. */
    private Path pluginJar(String jarName, String className, String typeName) throws IOException {
        Path src = tmp.resolve("src-" + className);
        Path out = tmp.resolve("out-" + className);
        Files.createDirectories(src.resolve("p"));
        Files.createDirectories(out);
        Path java = src.resolve("p/" + className + ".java");
        Files.writeString(java, """
                package p;
                import java.util.List;
                import org.ntk4j.api.*;
                public class %s implements Ntk4jPlugin {
                  public List<LayerType> layerTypes() {
                    return List.of(new LayerType() {
                      public String name() { return "%s"; }
                      public String description() { return "from a jar"; }
                      public List<ParamSpec> params() { return List.of(); }
                      public Layer create(LayerConfig c, BuildContext ctx) { throw new IllegalStateException(); }
                    });
                  }
                }
                """.formatted(className, typeName));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                java.toString());
        assertThat(rc).isZero();
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = dir.resolve(jarName);
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("p/" + className + ".class"));
            j.write(Files.readAllBytes(out.resolve("p/" + className + ".class")));
            for (Path inner : Files.list(out.resolve("p")).filter(p -> p.toString().contains("$")).toList()) {
                j.putNextEntry(new JarEntry("p/" + inner.getFileName()));
                j.write(Files.readAllBytes(inner));
            }
            j.putNextEntry(new JarEntry("META-INF/services/org.ntk4j.api.Ntk4jPlugin"));
            try (OutputStream o = new java.io.FilterOutputStream(j) {
                @Override
                public void close() {
                }
            }) {
                o.write(("p." + className + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    @Test
    void findsClasspathPluginsAndJarsInThePluginsFolder() throws IOException {
        pluginJar("extra.jar", "ExtraPlugin", "extraLayer");
        PluginRegistry r = PluginRegistry.discover(getClass().getClassLoader(), tmp.resolve("plugins"));
        assertThat(r.layers()).containsKeys("scale", "extraLayer");
        assertThat(r.layers().get("extraLayer").source()).isEqualTo("extra.jar");
        assertThat(r.activations()).containsKeys("square", "cubic");
        // The classpath plugin is registered once, not again through each jar's parent loader.
        assertThat(r.layers().get("scale").source()).doesNotEndWith(".jar").isNotEqualTo("extra.jar");
    }

    @Test
    void twoJarsClaimingOneNameFailNamingBoth() throws IOException {
        pluginJar("one.jar", "OnePlugin", "twin");
        pluginJar("two.jar", "TwoPlugin", "twin");
        assertThatThrownBy(() -> PluginRegistry.discover(getClass().getClassLoader(), tmp.resolve("plugins")))
                .isInstanceOf(Ntk4jException.class)
                .hasMessage("two plugins define the type \"twin\": one.jar and two.jar; remove one of the jars");
    }

    @Test
    void aJarClashingWithTheClasspathIsRefused() throws IOException {
        pluginJar("clash.jar", "ClashPlugin", "scale");
        assertThatThrownBy(() -> PluginRegistry.discover(getClass().getClassLoader(), tmp.resolve("plugins")))
                .hasMessageContaining("two plugins define the type \"scale\"").hasMessageContaining("clash.jar");
    }

    @Test
    void missingPluginsFolderIsFine() {
        PluginRegistry r = PluginRegistry.discover(getClass().getClassLoader(), tmp.resolve("nothing-here"));
        assertThat(r.layers()).containsKey("scale");
        assertThat(List.copyOf(r.layers().keySet())).doesNotContain("extraLayer");
    }
}
