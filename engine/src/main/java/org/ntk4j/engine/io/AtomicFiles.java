package org.ntk4j.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.ntk4j.api.SpecException;

/**
 * Writes files so that the target either keeps its old content or has the complete new one:
 * the bytes go to a hidden temporary file in the target's folder (same file system, so the
 * rename is atomic), are flushed to disk, and the temporary file is then renamed over the
 * target. On any error the temporary file is deleted; no partial output is ever left.
 */
public final class AtomicFiles {
    /** Produces the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 (for summary.json and other small files). */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes whatever {@code content} produces; the stream is buffered. */
    public static void write(Path target, Content content) {
        String place = target.toString();
        Path temp = createTempBeside(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw FileErrors.writing(place, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Creates an empty hidden file {@code .<name>.<random>.tmp} beside {@code target}. Not
     * {@link Files#createTempFile}: that makes the file private (0600), and the rename would
     * carry those permissions over to the result.
     */
    static Path createTempBeside(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String place = target.toString();
        if (folder == null || absolute.getFileName() == null) {
            throw new SpecException(place, "not a file name");
        }
        if (!Files.isDirectory(folder)) {
            throw new SpecException(place, "cannot write the file: folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new SpecException(place, "cannot write the file: a folder of that name exists");
        }
        for (int attempt = 0; ; attempt++) {
            String name = "." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp";
            try {
                return Files.createFile(folder.resolve(name));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw FileErrors.writing(place, e);
                }
            } catch (IOException e) {
                throw FileErrors.writing(place, e);
            }
        }
    }

    /** Renames {@code temp} over {@code target}, atomically where the file system can. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Best effort: the original error is the one worth reporting.
        }
    }
}
