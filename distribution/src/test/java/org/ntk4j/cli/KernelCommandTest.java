package org.ntk4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.io.Tensor;

class KernelCommandTest {
    static final String MLP = """
            {"name": "lin", "layers": [{"type": "dense", "wStd": 1.4142, "bStd": 0.1}, {"type": "dense", "wStd": 1.2}]}""";

    @TempDir
    Path tmp;

    private Path arch(String json) throws IOException {
        return TestFiles.text(tmp, "arch.json", json);
    }

    @Test
    void writesBothKernelsAndASummary() throws IOException {
        Path x1 = TestFiles.npy(tmp, "x1.npy", new int[]{9, 4}, 1);
        Path x2 = TestFiles.npy(tmp, "x2.npy", new int[]{5, 4}, 2);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("kernel", "--arch", arch(MLP).toString(), "--x1", x1.toString(), "--x2", x2.toString(),
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tensor k = TestFiles.read(out.resolve("nngp.npy"));
        Tensor t = TestFiles.read(out.resolve("ntk.npy"));
        assertThat(k.shape()).containsExactly(9, 5);
        KernelMatrices ref = Ntk4j.create((Path) null).parse(MLP).kernels(
                new Inputs("x1", new int[]{9, 4}, TestFiles.read(x1).data(), null),
                new Inputs("x2", new int[]{5, 4}, TestFiles.read(x2).data(), null));
        assertThat(k.data()).containsExactly(ref.nngp());
        assertThat(t.data()).containsExactly(ref.ntk());
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"architecture\" : \"lin\"", "\"seconds\"", "\"numericCore\"", "\"shape\" : [ 9, 5 ]");
    }

    @Test
    void getSelectsKernelsAndCsvIsAccepted() throws IOException {
        Path x = TestFiles.text(tmp, "x.csv", "a,b\n1,2\n3,4\n0.5,-1\n");
        Path out = tmp.resolve("o");
        CliRun r = CliRun.of("kernel", "--arch", arch(MLP).toString(), "--x1", x.toString(), "--get", "ntk", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("ntk.npy")).exists();
        assertThat(out.resolve("nngp.npy")).doesNotExist();
        assertThat(TestFiles.read(out.resolve("ntk.npy")).shape()).containsExactly(3, 3);
    }

    private void assertBadInput(String expectedMessagePart, String... args) throws IOException {
        Path out = tmp.resolve("bad-out");
        String[] full = Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new);
        CliRun r = CliRun.of(full);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expectedMessagePart).doesNotContain("\tat ");
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.toList()).as("files left in --out").isEmpty();
            }
        }
    }

    @Test
    void badInputsExitWithTwoNamingThePlaceAndLeaveNoFiles() throws IOException {
        Path x = TestFiles.npy(tmp, "x.npy", new int[]{4, 3}, 3);
        String ok = arch(MLP).toString();
        assertBadInput("bad.json: malformed JSON at line 1", "kernel", "--arch",
                TestFiles.text(tmp, "bad.json", "{\"layers\": [").toString(), "--x1", x.toString());
        assertBadInput("layers[0].type: unknown layer type \"dense2\" (did you mean \"dense\"?)", "kernel", "--arch",
                TestFiles.text(tmp, "typo.json", "{\"layers\": [{\"type\": \"dense2\"}]}").toString(), "--x1", x.toString());
        assertBadInput("layers[0].wstd: unknown parameter \"wstd\" for \"dense\" (did you mean \"wStd\"?)", "kernel", "--arch",
                TestFiles.text(tmp, "p.json", "{\"layers\": [{\"type\": \"dense\", \"wstd\": 1}]}").toString(), "--x1", x.toString());
        assertBadInput("layers[0].wStd: expected a number, found the string \"1\"", "kernel", "--arch",
                TestFiles.text(tmp, "t.json", "{\"layers\": [{\"type\": \"dense\", \"wStd\": \"1\"}]}").toString(), "--x1", x.toString());
        assertBadInput("the network must end in a vector per input", "kernel", "--arch", ok,
                "--x1", TestFiles.npy(tmp, "seq.npy", new int[]{2, 5, 3}, 4).toString());
        assertBadInput("x1 and x2 must match per input", "kernel", "--arch", ok, "--x1", x.toString(),
                "--x2", TestFiles.npy(tmp, "x2.npy", new int[]{4, 2}, 5).toString());
        double[] nan = new double[12];
        nan[7] = Double.NaN;
        assertBadInput("value at [2, 1] is NaN", "kernel", "--arch", ok, "--x1",
                TestFiles.npy(tmp, "nan.npy", Tensor.of(new int[]{4, 3}, nan)).toString());
        double[] inf = new double[12];
        inf[0] = Double.POSITIVE_INFINITY;
        assertBadInput("value at [0, 0] is +Inf", "kernel", "--arch", ok, "--x1",
                TestFiles.npy(tmp, "inf.npy", Tensor.of(new int[]{4, 3}, inf)).toString());
        assertBadInput("trunc.npy", "kernel", "--arch", ok, "--x1",
                TestFiles.rawNpy(tmp, "trunc.npy", "<f8", "(4, 3)", 50).toString());
        assertBadInput("obj.npy", "kernel", "--arch", ok, "--x1",
                TestFiles.rawNpy(tmp, "obj.npy", "|O", "(4, 3)", 96).toString());
        assertBadInput("missing.npy", "kernel", "--arch", ok, "--x1", tmp.resolve("missing.npy").toString());
        assertBadInput("nope.json: no such file", "kernel", "--arch", tmp.resolve("nope.json").toString(), "--x1", x.toString());
        assertBadInput("Missing required option: '--x1=X1'", "kernel", "--arch", ok);
    }

    @Test
    void unwritableOutputIsBadInput() throws IOException {
        Path x = TestFiles.npy(tmp, "x.npy", new int[]{4, 3}, 3);
        Path file = TestFiles.text(tmp, "plainfile", "not a folder");
        CliRun r = CliRun.of("kernel", "--arch", arch(MLP).toString(), "--x1", x.toString(), "--out", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + file + ": exists and is not a folder");
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        assertThat(ro.toFile().setWritable(false, false)).isTrue();
        try {
            if (!Files.isWritable(ro)) { // root may write anywhere; the check above covers that case
                CliRun r2 = CliRun.of("kernel", "--arch", arch(MLP).toString(), "--x1", x.toString(), "--out",
                        ro.resolve("sub").toString());
                assertThat(r2.exitCode()).isEqualTo(2);
                assertThat(r2.err()).contains("cannot write there");
            }
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("kernel", "layers");
        CliRun v = CliRun.of("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("ntk4j ");
        assertThat(CliRun.of("kernel", "--help").out()).contains("--arch", "--x1", "--x2", "--get", "--out");
    }

    @Test
    void layersListsTypesWithParametersAndSources() {
        CliRun r = CliRun.of("layers");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("dense  \\(layer, from (ntk4j-)?layers-core")
                .contains("relu  (activation, from", "integrator", "wStd", "default 1.0");
    }
}
