package org.ntk4j.gp;

import java.nio.file.Path;
import org.ntk4j.engine.linalg.LinearAlgebras;

/**
 * Wall-clock timing of the GP algebra on kernels saved as .npy files (not a unit test; run by hand):
 * {@code java -cp <test classpath> org.ntk4j.gp.GradientFlowTimings DIR [native|java]}, where DIR holds
 * ntk_train, nngp_train, ntk_test_train, nngp_test_train, nngp_test and yt .npy files. Times are
 * 0, 0.1, 1, 3, 10, 30, 100, 300, 1000, inf; writes mean.npy-compatible checks to stdout only.
 */
public final class GradientFlowTimings {
    private GradientFlowTimings() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        LinearAlgebras.Selection la = LinearAlgebras.select(args.length > 1 ? args[1] : "auto");
        System.out.println("# " + la.reason());
        DenseMatrix ntk = NpyResource.loadFile(dir.resolve("ntk_train.npy")).matrix();
        DenseMatrix nngp = NpyResource.loadFile(dir.resolve("nngp_train.npy")).matrix();
        DenseMatrix ntkTx = NpyResource.loadFile(dir.resolve("ntk_test_train.npy")).matrix();
        DenseMatrix nngpTx = NpyResource.loadFile(dir.resolve("nngp_test_train.npy")).matrix();
        DenseMatrix nngpTest = NpyResource.loadFile(dir.resolve("nngp_test.npy")).matrix();
        DenseMatrix y = NpyResource.loadFile(dir.resolve("yt.npy")).matrix();
        double[] times = {0, 0.1, 1, 3, 10, 30, 100, 300, 1000, Double.POSITIVE_INFINITY};

        if (Boolean.getBoolean("phases")) {
            phases(la.backend(), ntk, nngp, new TestKernels(ntkTx, nngpTx, nngpTest), y, times);
            return;
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        GradientFlowGP gp = GradientFlowGP.builder().ntkTrain(ntk).nngpTrain(nngp).targets(y)
                .test(ntkTx, nngpTx, nngpTest)
                .options(GradientFlowOptions.defaults().withLinearAlgebra(la.backend())).build();
        GpTrajectory r = gp.predict(times);
        long t1 = System.nanoTime();
        System.out.printf("GradientFlowGP.predict: N=%d M=%d %d times: %.2f s wall, %.2f s process CPU%n",
                ntk.rows(), nngpTest.rows(), times.length, (t1 - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9);
        long t2 = System.nanoTime();
        double[] smallest = r.smallestCovarianceEigenvalues();
        System.out.printf("smallest covariance eigenvalues (%.2f s): %s%n", (System.nanoTime() - t2) / 1e9,
                java.util.Arrays.toString(smallest));
        Path peerMean = dir.resolve("peer_mean.npy");
        if (peerMean.toFile().exists()) {
            NpyResource pm = NpyResource.loadFile(peerMean);
            NpyResource pc = NpyResource.loadFile(dir.resolve("peer_cov.npy"));
            for (int t = 0; t < times.length; t++) {
                System.out.printf("t=%s  mean rel.err %.2e  cov rel.err %.2e%n", times[t],
                        DenseReference.relativeError(r.at(t).mean().data(), pm.slice(t).data()),
                        DenseReference.relativeError(r.at(t).covariance().data(), pc.slice(t).data()));
            }
        }
    }

    /** CPU time of the whole process, native OpenBLAS threads included (a steadier figure on a busy machine). */
    private static long processCpuNanos() {
        if (Boolean.getBoolean("wall")) {
            return System.nanoTime();
        }
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The same work as predict, phase by phase, to see where the time goes. */
    private static void phases(org.ntk4j.engine.linalg.LinearAlgebra la, DenseMatrix ntk, DenseMatrix nngp,
                               TestKernels test, DenseMatrix y, double[] times) {
        int n = ntk.rows();
        long[] c = new long[6];
        c[0] = processCpuNanos();
        org.ntk4j.engine.linalg.SymmetricEigen e = la.eigh(ntk.data(), n);
        c[1] = processCpuNanos();
        double[] kv = la.multiply(true, false, n, n, n, e.vectors(), la.multiply(false, false, n, n, n, nngp.data(), e.vectors()));
        c[2] = processCpuNanos();
        TrainEigenbasis basis = TrainEigenbasis.compute(la, ntk.data(), nngp.data(), y); // repeats the two above
        long b0 = processCpuNanos();
        FiniteTimePredictor p = new FiniteTimePredictor(la, basis, test, true);
        c[3] = processCpuNanos();
        for (double t : times) {
            if (t > 0 && t < Double.POSITIVE_INFINITY) {
                p.at(t);
            }
        }
        c[4] = processCpuNanos();
        InfiniteTimeSolver.ntk(la, la.cholesky(ntk.data(), n), nngp.data(), y, test);
        c[5] = processCpuNanos();
        System.out.printf((Boolean.getBoolean("wall") ? "wall" : "process CPU") + ": eigh %.2f s | VᵀKV %.2f s | test projections %.2f s | "
                        + "9 finite times %.2f s | t=inf (Cholesky) %.2f s  (kv[0]=%.3g)%n",
                (c[1] - c[0]) / 1e9, (c[2] - c[1]) / 1e9, (c[3] - b0) / 1e9, (c[4] - c[3]) / 1e9, (c[5] - c[4]) / 1e9, kv[0]);
    }
}
