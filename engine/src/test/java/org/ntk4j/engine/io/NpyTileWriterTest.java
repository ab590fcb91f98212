package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTileWriterTest {
    @TempDir
    Path dir;

    private static double value(long plane, int row, int col) {
        return plane * 1e6 + row * 1000 + col + 0.25;
    }

    private static double[] tile(long plane, int row0, int col0, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r * cols + c] = value(plane, row0 + r, col0 + c);
            }
        }
        return v;
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void twoThreadsWriteTilesThatCommitToTheExactArray() throws Exception {
        int rows = 203;
        int cols = 157;
        int tile = 32; // does not divide either side: edge tiles are ragged
        Path target = dir.resolve("k.npy");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (NpyTileWriter out = NpyTileWriter.create(target, rows, cols)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int r0 = 0; r0 < rows; r0 += tile) {
                for (int c0 = 0; c0 < cols; c0 += tile) {
                    int r = r0;
                    int c = c0;
                    int h = Math.min(tile, rows - r0);
                    int w = Math.min(tile, cols - c0);
                    jobs.add(pool.submit(() -> out.writeTile(r, c, h, w, tile(0, r, c, h, w))));
                }
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            assertThat(Files.exists(target)).isFalse();
            out.commit();
        } finally {
            pool.shutdown();
        }
        Tensor t = NpyReader.read(target);
        assertThat(t.shape()).containsExactly(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertThat(t.get(r, c)).isEqualTo(value(0, r, c));
            }
        }
        assertThat(filesInDir()).containsExactly(target);
        // The same bytes NpyWriter would have written for the whole array.
        Path whole = dir.resolve("whole.npy");
        NpyWriter.write(whole, t);
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(whole));
    }

    @Test
    void writesPlanesOfATimeByRowsByColumnsArray() throws IOException {
        Path target = dir.resolve("cov.npy");
        try (NpyTileWriter out = NpyTileWriter.create(target, 3, 4, 5)) {
            assertThat(out.planes()).isEqualTo(3);
            for (int t = 2; t >= 0; t--) {
                out.writeTile(t, 0, 0, 4, 2, tile(t, 0, 0, 4, 2)); // left columns
                out.writeTile(t, 0, 2, 4, 3, tile(t, 0, 2, 4, 3)); // right columns
            }
            out.commit();
        }
        Tensor t = NpyReader.read(target);
        assertThat(t.shape()).containsExactly(3, 4, 5);
        assertThat(t.get(2, 3, 4)).isEqualTo(value(2, 3, 4));
        assertThat(t.get(1, 0, 2)).isEqualTo(value(1, 0, 2));
    }

    @Test
    void writesVectorsAsOneRow() throws IOException {
        Path target = dir.resolve("mean.npy");
        try (NpyTileWriter out = NpyTileWriter.create(target, 6)) {
            out.writeTile(0, 0, 1, 4, new double[] {1, 2, 3, 4});
            out.writeTile(0, 4, 1, 2, new double[] {5, 6});
            out.commit();
        }
        assertThat(NpyReader.read(target)).isEqualTo(Tensor.of(new int[] {6}, new double[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void abortLeavesNoFile() throws IOException {
        Path target = dir.resolve("k.npy");
        NpyTileWriter out = NpyTileWriter.create(target, 4, 4);
        out.writeTile(0, 0, 4, 4, new double[16]);
        assertThat(filesInDir()).hasSize(1); // the hidden temporary file
        out.abort();
        assertThat(filesInDir()).isEmpty();
        assertThatThrownBy(() -> out.writeTile(0, 0, 1, 1, new double[1]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("aborted");
        out.close(); // harmless after abort
    }

    @Test
    void anErrorInsideTryWithResourcesLeavesNoFileAndKeepsTheOldOne() throws IOException {
        Path target = dir.resolve("k.npy");
        Files.writeString(target, "previous result");
        assertThatThrownBy(() -> {
            try (NpyTileWriter out = NpyTileWriter.create(target, 4, 4)) {
                out.writeTile(0, 0, 2, 4, new double[8]);
                throw new IllegalStateException("kernel failed");
            }
        }).hasMessage("kernel failed");
        assertThat(filesInDir()).containsExactly(target);
        assertThat(Files.readString(target)).isEqualTo("previous result");
    }

    @Test
    void commitReplacesAnExistingTarget() throws IOException {
        Path target = dir.resolve("k.npy");
        Files.writeString(target, "previous result");
        try (NpyTileWriter out = NpyTileWriter.create(target, 1, 2)) {
            out.writeTile(0, 0, 1, 2, new double[] {7, 8});
            out.commit();
        }
        assertThat(NpyReader.read(target).data()).containsExactly(7, 8);
    }

    @Test
    void commitRefusesWhenTilesAreMissingAndCloseCleansUp() throws IOException {
        Path target = dir.resolve("k.npy");
        try (NpyTileWriter out = NpyTileWriter.create(target, 4, 4)) {
            out.writeTile(0, 0, 2, 4, new double[8]);
            assertThatThrownBy(out::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only 8 of the 16 values of (4, 4)");
        }
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void refusesTilesOutsideTheArray() throws IOException {
        try (NpyTileWriter out = NpyTileWriter.create(dir.resolve("k.npy"), 2, 3, 4)) {
            assertThatThrownBy(() -> out.writeTile(0, 0, 1, 1, new double[1]))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("has 2 planes");
            assertThatThrownBy(() -> out.writeTile(0, 2, 0, 2, 4, new double[8]))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> out.writeTile(0, 0, 2, 2, 3, new double[6]))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> out.writeTile(1, 0, 0, 2, 2, new double[3]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 4 values, got 3");
        }
    }
}
