package org.ntk4j.engine.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ntk4j.api.SpecException;

/** Reads a data file by its extension: {@code .npy} or {@code .csv}. */
public final class DataFiles {
    private DataFiles() {
    }

    /** Reads {@code path}; any extension other than .npy and .csv is refused. */
    public static Tensor read(Path path) {
        String place = path.toString();
        Path name = path.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        boolean npy = lower.endsWith(".npy");
        boolean csv = lower.endsWith(".csv");
        if (!npy && !csv) {
            int dot = lower.lastIndexOf('.');
            String found = dot < 0 ? "no extension" : "extension '" + name.toString().substring(dot) + "'";
            throw new SpecException(place, "expected a .npy or .csv file, found " + found
                    + (lower.endsWith(".npz") ? " (an .npz archive: extract one array with np.save)" : ""));
        }
        if (Files.isDirectory(path)) {
            throw new SpecException(place, "is a folder; expected a " + (npy ? ".npy" : ".csv") + " file");
        }
        if (!Files.exists(path)) {
            throw new SpecException(place, "file not found");
        }
        return npy ? NpyReader.read(path) : CsvReader.read(path);
    }

    /** Reads {@code path} and refuses NaN and infinite values (see {@link InputChecks#requireFinite}). */
    public static Tensor readFinite(Path path) {
        return InputChecks.requireFinite(read(path), path.toString());
    }
}
