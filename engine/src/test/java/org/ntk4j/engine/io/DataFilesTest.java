package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.api.SpecException;

class DataFilesTest {
    @TempDir
    Path dir;

    @Test
    void dispatchesOnTheExtensionCaseInsensitively() throws IOException {
        Tensor t = Tensor.matrix(2, 2, new double[] {1, 2, 3, 4});
        Path npy = dir.resolve("X.NPY");
        NpyWriter.write(npy, t);
        Path csv = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n3,4\n");
        assertThat(DataFiles.read(npy)).isEqualTo(t);
        assertThat(DataFiles.read(csv)).isEqualTo(t);
    }

    @Test
    void refusesOtherExtensions() throws IOException {
        Path txt = Files.writeString(dir.resolve("x.txt"), "1,2\n");
        assertThatThrownBy(() -> DataFiles.read(txt)).isInstanceOf(SpecException.class)
                .hasMessageEndingWith("x.txt: expected a .npy or .csv file, found extension '.txt'");
        assertThatThrownBy(() -> DataFiles.read(dir.resolve("data"))).isInstanceOf(SpecException.class)
                .hasMessageContaining("found no extension");
        assertThatThrownBy(() -> DataFiles.read(dir.resolve("arrays.npz"))).isInstanceOf(SpecException.class)
                .hasMessageContaining("an .npz archive");
    }

    @Test
    void refusesMissingFilesAndFolders() throws IOException {
        assertThatThrownBy(() -> DataFiles.read(dir.resolve("x1.npy"))).isInstanceOf(SpecException.class)
                .hasMessageEndingWith("x1.npy: file not found");
        Path folder = Files.createDirectory(dir.resolve("inputs.csv"));
        assertThatThrownBy(() -> DataFiles.read(folder)).isInstanceOf(SpecException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void readFiniteRefusesNaN() throws IOException {
        Path csv = Files.writeString(dir.resolve("x1.csv"), "1,2\n3,nan\n");
        assertThatThrownBy(() -> DataFiles.readFinite(csv)).isInstanceOf(SpecException.class)
                .hasMessageContaining("x1.csv: value at [1, 1] is NaN");
    }
}
