package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.api.SpecException;

class NpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesExactlyTheBytesNumpyWrites() throws IOException {
        Path p = dir.resolve("x.npy");
        NpyWriter.write(p, Tensor.matrix(2, 3, NpyReaderTest.NUMPY_2X3_VALUES.clone()));
        assertThat(Files.readAllBytes(p)).isEqualTo(Base64.getDecoder().decode(NpyReaderTest.NUMPY_2X3));
    }

    @Test
    void headersMatchNumpysPaddingForEveryRank() throws IOException {
        // Header strings printed by numpy 2.4.6 for np.save of float64 arrays of these shapes
        // (len(header) is 128 in each case; the tail is spaces up to the final newline).
        String[][] cases = {
            {"()", "{'descr': '<f8', 'fortran_order': False, 'shape': (), }"},
            {"(3,)", "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"},
            {"(3, 4)", "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"},
            {"(2, 3, 4)", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3, 4), }"},
        };
        int[][] shapes = {{}, {3}, {3, 4}, {2, 3, 4}};
        for (int i = 0; i < shapes.length; i++) {
            byte[] header = NpyHeader.encodeFloat64(shapes[i]);
            String text = new String(header, 10, header.length - 10, StandardCharsets.ISO_8859_1);
            assertThat(header.length).as(cases[i][0]).isEqualTo(128);
            assertThat(text).startsWith(cases[i][1]).endsWith("\n");
            assertThat(text.substring(cases[i][1].length(), text.length() - 1)).isBlank();
        }
    }

    @Test
    void roundTripsThroughTheReader() throws IOException {
        Random random = new Random(7);
        int[][] shapes = {{}, {5}, {0, 4}, {7, 3}, {2, 3, 5}, {2, 1, 4, 3}};
        for (int[] shape : shapes) {
            Tensor t = Tensor.zeros(shape);
            for (int i = 0; i < t.size(); i++) {
                t.data()[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            }
            if (t.size() > 1) {
                t.data()[1] = -0.0; // the sign of zero survives too
            }
            Path p = dir.resolve("rt.npy");
            NpyWriter.write(p, t);
            assertThat(NpyReader.read(p)).as(Arrays.toString(shape)).isEqualTo(t);
        }
    }

    @Test
    void switchesToVersion2WhenTheHeaderOutgrowsTwoBytes() throws IOException {
        // A rank-30000 array of ones: its shape alone is 90000 characters.
        int[] shape = new int[30_000];
        Arrays.fill(shape, 1);
        Tensor t = Tensor.of(shape, new double[] {3.5});
        Path p = dir.resolve("v2.npy");
        NpyWriter.write(p, t);
        byte[] bytes = Files.readAllBytes(p);
        assertThat(bytes[6]).isEqualTo((byte) 2);
        assertThat((bytes.length - 8) % 64).isZero();
        assertThat(NpyReader.read(p)).isEqualTo(t);

        byte[] small = NpyHeader.wrap("{}");
        assertThat(small[6]).isEqualTo((byte) 1);
    }

    @Test
    void headerPaddingIsAFullBlockWhenAlreadyAligned() {
        // numpy pads 64 spaces, not 0, when prefix + text + newline is already a multiple of 64.
        String dict = "x".repeat(128 - 10 - 1);
        assertThat(NpyHeader.wrap(dict)).hasSize(192);
    }

    @Test
    void writeToMatchesTheFile() throws IOException {
        Tensor t = Tensor.matrix(1, 2, new double[] {1, 2});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.writeTo(out, t);
        Path p = dir.resolve("s.npy");
        NpyWriter.write(p, t);
        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(p));
    }

    @Test
    void refusesAMissingFolderAndLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> NpyWriter.write(dir.resolve("no/such/x.npy"), Tensor.zeros(2)))
                .isInstanceOf(SpecException.class).hasMessageContaining("x.npy").hasMessageContaining("does not exist");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
