package org.ntk4j.layers.attention;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelOptions;

/**
 * Timing of NNGP + NTK for N random sequences (not a test). Arguments:
 * {@code ARCH.json|attention N d T...}; "attention" is one attention layer with a readout. For each T
 * it prints the wall and CPU seconds of one warm run and CPU ns / (N²·T³/2), the attention layers' operation count.
 *
 * <pre>java -cp ... org.ntk4j.layers.attention.AttentionBench transformer.json 500 16 8 16 32</pre>
 */
public final class AttentionBench {

    private AttentionBench() {
    }

    /** CPU time of the whole process: on a shared machine wall time depends on the neighbours. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Ntk4j ntk4j = Ntk4j.create();
        Architecture arch = args[0].equals("attention")
                ? ntk4j.parse("{\"layers\": [{\"type\": \"attention\", \"posEmb\": \"sum\"}, {\"type\": \"testMeanPool\"}, "
                        + "{\"type\": \"dense\"}]}")
                : ntk4j.parse(Files.readString(Path.of(args[0])), args[0]);
        int n = Integer.parseInt(args[1]);
        int d = Integer.parseInt(args[2]);
        KernelOptions options = KernelOptions.defaults();
        System.out.printf(Locale.ROOT, "%s, N = %d, d = %d, %d threads%n", args[0], n, d, options.threads());
        for (int k = 3; k < args.length; k++) {
            int t = Integer.parseInt(args[k]);
            Inputs x = SequenceInputs.random(n, t, d, 7, null);
            // One small warm-up run so the JIT has compiled the loops before the timed run.
            arch.kernels(SequenceInputs.random(Math.min(n, 24), t, d, 8, null), null, options);
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            arch.kernels(x, null, options);
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            double ops = (double) n * n * t * t * t / 2;
            System.out.printf(Locale.ROOT, "T = %3d: %8.2f s wall, %8.2f s CPU   (%.3g CPU ns per N²T³/2)%n", t, sec, cpu,
                    cpu * 1e9 / ops);
        }
    }
}
