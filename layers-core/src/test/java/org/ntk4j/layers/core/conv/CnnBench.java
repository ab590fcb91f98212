package org.ntk4j.layers.core.conv;

import java.util.Locale;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.compute.KernelOptions;

/**
 * The CNN figures of issue 7 (a main, not a test). Usage:
 * <pre>
 *   java ... CnnBench gap 8        21-layer 3×3 ReLU CNN + globalAvgPool, NTK, N = 8 (32×32×3)
 *   java ... CnnBench flatten 8    the same ending in flatten
 *   java ... CnnBench myrtle 100   Myrtle-5 NNGP
 *   java ... CnnBench op           the conv and pool covariance operators alone on one 32×32 entry
 *   a third argument sets the tile size in MB (default: the engine's)
 * </pre>
 * Prints wall-clock milliseconds per kernel entry (N² entries; x2 = x1, so the engine computes the
 * upper triangle of tiles) with all available processors.
 */
public final class CnnBench {

    private CnnBench() {
    }

    static String deepCnn(int depth, String ending) {
        StringBuilder b = new StringBuilder("{\"layers\": [");
        for (int l = 0; l < depth; l++) {
            b.append("{\"type\": \"conv\", \"filter\": [3, 3], \"wStd\": 1.4142135623730951, \"bStd\": 0.05}, ")
                    .append("{\"type\": \"relu\"}, ");
        }
        return b.append("{\"type\": \"").append(ending).append("\"}, {\"type\": \"dense\", \"wStd\": 1.0}]}").toString();
    }

    /** Myrtle-5 (Shankar et al. 2020) as Neural Tangents' example defines it. */
    static String myrtle5() {
        String conv = "{\"type\": \"conv\", \"filter\": [3, 3], \"wStd\": 1.4142135623730951}, {\"type\": \"relu\"}, ";
        String pool = "{\"type\": \"avgPool\", \"window\": [2, 2]}, ";
        return "{\"layers\": [" + conv + conv + pool + conv + pool + conv + pool + pool + pool
                + "{\"type\": \"flatten\"}, {\"type\": \"dense\", \"wStd\": 1.4142135623730951}]}";
    }

    /** Milliseconds per 32×32 entry of the 3×3 SAME conv operator and of a 2×2 pool, best of several runs. */
    static void operators() {
        WindowGeometry conv = WindowGeometry.of("bench", "conv", "filter", new int[]{32, 32}, new int[]{3, 3}, 3, null,
                Padding.SAME);
        WindowGeometry pool = WindowGeometry.of("bench", "avgPool", "window", new int[]{32, 32}, new int[]{2, 2}, 2,
                new int[]{2, 2}, Padding.VALID);
        int p = 1024;
        double[] in = new double[p * p];
        for (int i = 0; i < in.length; i++) {
            in[i] = Math.sin(i);
        }
        double[] out = new double[p * p];
        PositionCovariance c = new PositionCovariance(conv, org.ntk4j.api.ArrayOps.SCALAR);
        PositionCovariance q = new PositionCovariance(pool, org.ntk4j.api.ArrayOps.SCALAR);
        double bestConv = Double.MAX_VALUE;
        double bestPool = Double.MAX_VALUE;
        // Thread CPU time: the machine is shared, wall-clock time of one thread says little.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 8; rep++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int k = 0; k < 10; k++) {
                c.convFull(in, 0, out, 0);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int k = 0; k < 10; k++) {
                q.poolFull(in, 0, out, 0);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            bestConv = Math.min(bestConv, (t1 - t0) / 10 / 1e6);
            bestPool = Math.min(bestPool, (t2 - t1) / 10 / 1e6);
        }
        System.out.printf(Locale.ROOT, "conv 3x3 SAME on a 32x32 FULL entry: %.2f ms CPU; avgPool 2x2: %.2f ms CPU%n",
                bestConv, bestPool);
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "gap";
        if (which.equals("op")) {
            operators();
            return;
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String json = switch (which) {
            case "gap" -> deepCnn(21, "globalAvgPool");
            case "flatten" -> deepCnn(21, "flatten");
            case "myrtle" -> myrtle5();
            default -> throw new IllegalArgumentException("gap | flatten | myrtle");
        };
        boolean ntk = !which.equals("myrtle");
        Architecture arch = Ntk4j.create().parse(json, which);
        Inputs x = Images.random(7, n, 32, 32, 3);
        KernelOptions opts = KernelOptions.defaults().withNtk(ntk);
        if (args.length > 2) {
            // Larger tiles amortise the per-input covariances each tile recomputes (memory permitting).
            opts = opts.withTileBytes(Long.parseLong(args[2]) << 20);
        }
        long t0 = System.nanoTime();
        KernelMatrices k = arch.kernels(x, null, opts);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "%s N=%d threads=%d %s: total %.1f s, %.2f ms per entry (K00=%.6f%s)%n",
                which, n, opts.threads(), ntk ? "NNGP+NTK" : "NNGP", ms / 1000, ms / ((double) n * n), k.nngp(0, 0),
                ntk ? String.format(Locale.ROOT, ", Θ00=%.6f", k.ntk(0, 0)) : "");
    }
}
