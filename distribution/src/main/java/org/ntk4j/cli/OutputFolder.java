package org.ntk4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ntk4j.api.SpecException;

/** The {@code --out} folder: created if missing, checked writable before any work starts. */
final class OutputFolder {

    private OutputFolder() {
    }

    static Path prepare(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new SpecException("--out " + out, "exists and is not a folder");
        }
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".ntk4j-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new SpecException("--out " + out, "cannot write there (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        return out;
    }
}
