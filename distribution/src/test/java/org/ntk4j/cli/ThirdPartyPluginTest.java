package org.ntk4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.engine.io.Tensor;

/**
 * A plugin written by a third party: compiled here against ntk4j-api alone, packed in a jar with its
 * service file, dropped into a plugins folder; `ntk4j layers` lists it and a JSON spec uses it.
 */
class ThirdPartyPluginTest {

    private static final String SOURCE = """
            package acme;
            import java.util.List;
            import org.ntk4j.api.*;
            import org.ntk4j.api.finite.*;
            /** "halve": y = x / 2 at every position, so K' = K / 4 and Θ' = Θ / 4. */
            public class AcmePlugin implements Ntk4jPlugin {
              public List<LayerType> layerTypes() { return List.of(new HalveType()); }
              static final class HalveType implements LayerType {
                public String name() { return "halve"; }
                public String description() { return "divides by two (acme)"; }
                public List<ParamSpec> params() { return List.of(); }
                public Layer create(LayerConfig c, BuildContext ctx) { return new Halve(c.path()); }
              }
              static final class Halve implements Layer {
                private final String path;
                Halve(String path) { this.path = path; }
                public String type() { return "halve"; }
                public String path() { return path; }
                public Shape outputShape(Shape in) { return in; }
                public KernelState apply(KernelState s) {
                  for (double[] a : new double[][]{s.cross(), s.self1(), s.self2()}) {
                    for (int k = 0; k < a.length; k++) { a[k] *= 0.25; }
                  }
                  if (s.hasNtk()) { for (int k = 0; k < s.ntk().length; k++) { s.ntk()[k] *= 0.25; } }
                  return s;
                }
                public boolean isFresh(boolean in) { return in; }
                public FiniteLayer finite(FiniteContext ctx) {
                  Shape shape = ctx.input();
                  return new FiniteLayer() {
                    public Batch forward(Batch x) { return scaled(x); }
                    public Batch backward(Batch g, Gradients grads) { return scaled(g); }
                    public Shape output() { return shape; }
                    public List<double[]> parameters() { return List.of(); }
                  };
                }
                private static Batch scaled(Batch x) {
                  Batch y = x.copy();
                  for (double[] r : y.data()) { for (int k = 0; k < r.length; k++) { r[k] *= 0.5; } }
                  return y;
                }
              }
            }
            """;

    @TempDir
    Path tmp;

    private Path buildPluginJar() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/acme"));
        Path out = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(src.resolve("AcmePlugin.java"), SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // Against the api alone, as a third party would compile it.
        String api = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("ntk4j-api") || p.replace('\\', '/').contains("/api/target/classes"))
                .findFirst().orElseThrow();
        int rc = javac.run(null, null, null, "-d", out.toString(), "-cp", api, src.resolve("AcmePlugin.java").toString());
        assertThat(rc).isZero();
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = plugins.resolve("acme-halve.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> classes = Files.walk(out)) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                j.putNextEntry(new JarEntry(out.relativize(c).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(c));
            }
            j.putNextEntry(new JarEntry("META-INF/services/org.ntk4j.api.Ntk4jPlugin"));
            j.write("acme.AcmePlugin\n".getBytes(StandardCharsets.UTF_8));
        }
        return plugins;
    }

    @Test
    void aDroppedInJarIsListedAndUsableFromJson() throws IOException {
        Path plugins = buildPluginJar();
        CliRun layers = CliRun.of("layers", "--plugins", plugins.toString());
        assertThat(layers.exitCode()).as(layers.err()).isZero();
        assertThat(layers.out()).contains("halve  (layer, from acme-halve.jar)", "divides by two (acme)");

        Path x = TestFiles.npy(tmp, "x.npy", new int[]{5, 3}, 7);
        Path with = TestFiles.text(tmp, "with.json", """
                {"layers": [{"type": "dense", "wStd": 1.3}, {"type": "halve"}, {"type": "dense"}]}""");
        Path without = TestFiles.text(tmp, "without.json", """
                {"layers": [{"type": "dense", "wStd": 1.3}, {"type": "dense"}]}""");
        CliRun a = CliRun.of("kernel", "--plugins", plugins.toString(), "--arch", with.toString(), "--x1", x.toString(),
                "--out", tmp.resolve("a").toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        CliRun b = CliRun.of("kernel", "--arch", without.toString(), "--x1", x.toString(), "--out", tmp.resolve("b").toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        Tensor ka = TestFiles.read(tmp.resolve("a/nngp.npy"));
        Tensor kb = TestFiles.read(tmp.resolve("b/nngp.npy"));
        // dense(wStd 1) after halve: K = K_hidden / 4 (no bias).
        for (int i = 0; i < ka.size(); i++) {
            assertThat(ka.data()[i]).isCloseTo(kb.data()[i] / 4, org.assertj.core.data.Offset.offset(1e-12));
        }
        // Without the plugin folder the type is unknown: exit 2 naming it.
        CliRun missing = CliRun.of("kernel", "--arch", with.toString(), "--x1", x.toString(), "--out",
                tmp.resolve("c").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("layers[1].type: unknown layer type \"halve\"");
    }
}
