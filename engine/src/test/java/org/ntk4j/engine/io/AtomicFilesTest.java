package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path p = dir.resolve("summary.json");
        AtomicFiles.writeString(p, "{\"a\": 1}");
        AtomicFiles.writeString(p, "{\"b\": \"é\"}");
        assertThat(Files.readString(p)).isEqualTo("{\"b\": \"é\"}");
        assertThat(filesInDir()).containsExactly(p);
    }

    @Test
    void aFailureKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path p = dir.resolve("summary.json");
        AtomicFiles.writeString(p, "old");
        assertThatThrownBy(() -> AtomicFiles.write(p, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("summary.json").hasMessageContaining("disk full");
        assertThat(Files.readString(p)).isEqualTo("old");
        assertThat(filesInDir()).containsExactly(p);
    }

    @Test
    void resultGetsOrdinaryPermissionsNotThoseOfAPrivateTempFile() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // permissions are a POSIX notion
        }
        Path reference = Files.createFile(dir.resolve("reference"));
        Path p = dir.resolve("out.json");
        AtomicFiles.writeString(p, "{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
    }
}
