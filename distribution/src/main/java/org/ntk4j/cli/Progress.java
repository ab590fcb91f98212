package org.ntk4j.cli;

import java.io.PrintStream;
import org.ntk4j.engine.compute.KernelOptions;

/** Progress on stderr for runs longer than a second, at most a line a second. */
final class Progress implements KernelOptions.ProgressListener {
    private final PrintStream err;
    private final String what;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private boolean printed;

    Progress(PrintStream err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public synchronized void onProgress(long done, long total) {
        long now = System.nanoTime();
        if (now - lastPrint < 1_000_000_000L && done < total) {
            return;
        }
        if (!printed && done == total) {
            return; // finished within a second: no progress needed
        }
        lastPrint = now;
        printed = true;
        err.printf("%s: %d/%d tiles (%.0f%%), %.1f s%n", what, done, total, 100.0 * done / total, (now - start) / 1e9);
    }
}
