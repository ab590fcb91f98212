package org.ntk4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.io.Tensor;

/** Sequences of different lengths from the command line: --mask1 / --mask2. */
class MaskOptionsTest {
    private static final String RNN = """
            {"layers": [{"type": "rnn", "activation": "erf", "output": "last"}, {"type": "dense"}]}""";

    @TempDir
    Path tmp;

    @Test
    void masksReachTheLayersAndMatchTheJavaApi() throws IOException {
        Path arch = TestFiles.text(tmp, "rnn.json", RNN);
        Path x1 = TestFiles.npy(tmp, "x1.npy", new int[]{3, 4, 2}, 1);
        Path x2 = TestFiles.npy(tmp, "x2.npy", new int[]{2, 4, 2}, 2);
        double[] m1 = {1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0};
        double[] m2 = {1, 1, 1, 0, 1, 1, 1, 1};
        Path mask1 = TestFiles.npy(tmp, "m1.npy", Tensor.of(new int[]{3, 4}, m1));
        Path mask2 = TestFiles.npy(tmp, "m2.npy", Tensor.of(new int[]{2, 4}, m2));
        CliRun r = CliRun.of("kernel", "--arch", arch.toString(), "--x1", x1.toString(), "--x2", x2.toString(),
                "--mask1", mask1.toString(), "--mask2", mask2.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        KernelMatrices ref = Ntk4j.create((Path) null).parse(RNN).kernels(
                new Inputs("x1", new int[]{3, 4, 2}, TestFiles.read(x1).data(), mask(m1, 3, 4)),
                new Inputs("x2", new int[]{2, 4, 2}, TestFiles.read(x2).data(), mask(m2, 2, 4)));
        assertThat(TestFiles.read(tmp.resolve("out/nngp.npy")).data()).containsExactly(ref.nngp());
        assertThat(TestFiles.read(tmp.resolve("out/ntk.npy")).data()).containsExactly(ref.ntk());
        // The mask changes the result: the unmasked kernels differ.
        CliRun plain = CliRun.of("kernel", "--arch", arch.toString(), "--x1", x1.toString(), "--x2", x2.toString(),
                "--out", tmp.resolve("plain").toString());
        assertThat(plain.exitCode()).isZero();
        assertThat(TestFiles.read(tmp.resolve("plain/nngp.npy")).data()).isNotEqualTo(ref.nngp());
    }

    @Test
    void badMasksAreBadInput() throws IOException {
        Path arch = TestFiles.text(tmp, "rnn.json", RNN);
        Path x = TestFiles.npy(tmp, "x.npy", new int[]{2, 3, 2}, 1);
        Path two = TestFiles.npy(tmp, "two.npy", Tensor.of(new int[]{2, 3}, new double[]{1, 1, 2, 1, 0, 0}));
        CliRun r = CliRun.of("kernel", "--arch", arch.toString(), "--x1", x.toString(), "--mask1", two.toString(),
                "--out", tmp.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("two.npy: value at [0, 2] is 2.0; a mask holds 1 (present) or 0 (absent)");
        Path shape = TestFiles.npy(tmp, "shape.npy", Tensor.of(new int[]{2, 2}, new double[]{1, 1, 1, 1}));
        CliRun s = CliRun.of("kernel", "--arch", arch.toString(), "--x1", x.toString(), "--mask1", shape.toString(),
                "--out", tmp.resolve("o").toString());
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).contains("does not match the data's N × T");
    }

    @Test
    void gruReportsItsMonteCarloErrorInTheSummary() throws IOException {
        Path arch = TestFiles.text(tmp, "gru.json", """
                {"layers": [{"type": "dense"}, {"type": "gru", "output": "last", "samples": 256}, {"type": "dense"}]}""");
        Path x = TestFiles.npy(tmp, "x.npy", new int[]{3, 3, 2}, 5);
        CliRun r = CliRun.of("kernel", "--arch", arch.toString(), "--x1", x.toString(), "--out", tmp.resolve("g").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String summary = java.nio.file.Files.readString(tmp.resolve("g/summary.json"));
        assertThat(summary).contains("\"diagnostics\"", "\"layers[1]\"", "\"monteCarloRelativeErrorNngp\"",
                "\"samples\" : 256");
    }

    private static boolean[][] mask(double[] m, int n, int t) {
        boolean[][] b = new boolean[n][t];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                b[i][s] = m[i * t + s] == 1;
            }
        }
        return b;
    }
}
