package org.ntk4j.engine.linalg;

import java.util.Random;

/**
 * Wall-clock timings of eigh and GEMM per back-end (not a unit test; run by hand):
 * {@code java -cp <test classpath> org.ntk4j.engine.linalg.LinearAlgebraTimings native,java 2000,4000}.
 * Each figure is the best of {@code repeats} runs after one warm-up at a small size.
 */
public final class LinearAlgebraTimings {
    private LinearAlgebraTimings() {
    }

    public static void main(String[] args) {
        String[] modes = (args.length > 0 ? args[0] : "native,java").split(",");
        String[] sizes = (args.length > 1 ? args[1] : "2000,4000").split(",");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        for (String mode : modes) {
            LinearAlgebras.Selection s = LinearAlgebras.select(mode);
            LinearAlgebra la = s.backend();
            System.out.println("# " + s.reason());
            warmUp(la);
            for (String size : sizes) {
                int n = Integer.parseInt(size.trim());
                Random rnd = new Random(n);
                double[] a = Matrices.randomSymmetric(rnd, n);
                double[] b = Matrices.gaussian(rnd, n, n);
                double[] c = new double[n * n];
                double gemm = best(repeats, () -> la.gemm(false, false, n, n, n, 1, a, b, 0, c));
                double gemmT = best(repeats, () -> la.gemm(true, false, n, n, n, 1, a, b, 0, c));
                double eigh = best(repeats, () -> la.eigh(a, n));
                double spd = best(repeats, () -> la.cholesky(addDiagonal(a, n, 2 * Math.sqrt(n) + 1), n));
                System.out.printf("%-8s n=%5d  gemm NN %7.2f s (%5.1f GFlop/s)  gemm TN %7.2f s  eigh %8.2f s  cholesky %6.2f s%n",
                        la.name(), n, gemm, 2.0 * n * n * n / gemm / 1e9, gemmT, eigh, spd);
            }
        }
    }

    private static double[] addDiagonal(double[] a, int n, double shift) {
        double[] s = a.clone();
        for (int i = 0; i < n; i++) {
            s[i * n + i] += shift;
        }
        return s;
    }

    private static void warmUp(LinearAlgebra la) {
        int n = 200;
        double[] a = Matrices.randomSymmetric(new Random(1), n);
        for (int i = 0; i < 3; i++) {
            la.eigh(a, n);
            la.multiply(false, false, n, n, n, a, a);
        }
    }

    private static double best(int repeats, Runnable r) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
