package org.ntk4j.engine.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.ntk4j.api.Ntk4jException;
import org.ntk4j.api.SpecException;

/**
 * Turns an {@link IOException} into the error the user sees: a missing file or folder or a
 * permission problem is the user's to fix ({@link SpecException}, exit code 2); anything else
 * (disk full, device error) is reported as a failure naming the file.
 */
final class FileErrors {
    private FileErrors() {
    }

    static RuntimeException reading(String place, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SpecException(place, "file not found");
        }
        if (e instanceof AccessDeniedException) {
            return new SpecException(place, "cannot read the file: permission denied");
        }
        return new Ntk4jException(place + ": cannot read the file: " + describe(e), e);
    }

    static RuntimeException writing(String place, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SpecException(place, "cannot write the file: its folder does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return new SpecException(place, "cannot write the file: permission denied");
        }
        return new Ntk4jException(place + ": cannot write the file: " + describe(e), e);
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
