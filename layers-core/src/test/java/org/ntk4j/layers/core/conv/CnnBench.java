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

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "gap";
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
        long t0 = System.nanoTime();
        KernelMatrices k = arch.kernels(x, null, opts);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "%s N=%d threads=%d %s: total %.1f s, %.2f ms per entry (K00=%.6f%s)%n",
                which, n, opts.threads(), ntk ? "NNGP+NTK" : "NNGP", ms / 1000, ms / ((double) n * n), k.nngp(0, 0),
                ntk ? String.format(Locale.ROOT, ", Θ00=%.6f", k.ntk(0, 0)) : "");
    }
}
