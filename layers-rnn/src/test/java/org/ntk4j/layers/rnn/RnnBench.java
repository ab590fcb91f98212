package org.ntk4j.layers.rnn;

import java.util.Locale;
import org.ntk4j.api.Activation;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Serial;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelComputer;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.compute.KernelOptions;
import org.ntk4j.engine.linalg.EjmlLinearAlgebra;
import org.ntk4j.layers.core.Dense;

/**
 * Timing of issue 5's targets (a main, not a test): rnn NNGP + NTK with output "last" for N = 1000
 * sequences of d = 8 at T = 50 and T = 100, and gru NNGP for N = 200, T = 20 at the default sample count.
 * The rnn runs with erf (closed-form dual: the recursion's own cost) and with tanh through a plain
 * 10×10 Gauss–Hermite product rule standing in for the quadrature core. A "pool" network (mean over
 * steps, then dense) times the engine's part alone: the T×T input kernel of every pair.
 *
 * <p>Run: {@code java -cp <test classpath> org.ntk4j.layers.rnn.RnnBench [cases]} with cases among
 * {@code pool50 pool100 erf50 erf100 tanh50 tanh100 gru gruerr} (default: all but gruerr).
 *
 * <p>Measured 2026-11-23 on the shared 2-core machine (load average 11–15, so wall times are inflated;
 * CPU seconds are the comparable figure): CPU total / of which the rnn layer —
 * pool T=50 13.8 s / –, erf T=50 13.0 / 3.0 s, tanh T=50 74.2 / 64.0 s, pool T=100 54.2 s / –,
 * erf T=100 49.5 / 7.9 s, tanh T=100 184.4 / 141.7 s; gru NNGP N=200 T=20 at 1024 samples 80 s CPU
 * (293 s wall), estimated relative Monte Carlo error 0.077.
 */
public final class RnnBench {

    private RnnBench() {
    }

    public static void main(String[] args) {
        java.util.List<String> cases = args.length == 0
                ? java.util.List.of("pool50", "erf50", "tanh50", "pool100", "erf100", "tanh100", "gru")
                : java.util.List.of(args);
        System.out.println("threads: " + Runtime.getRuntime().availableProcessors());
        for (String c : cases) {
            switch (c) {
                case "pool50" -> time("pool (input kernel only) T=50", pool(50), inputs(1000, 50, 8), true);
                case "pool100" -> time("pool (input kernel only) T=100", pool(100), inputs(1000, 100, 8), true);
                case "erf50" -> time("rnn erf last T=50", rnn(TestActivations.erf()), inputs(1000, 50, 8), true);
                case "erf100" -> time("rnn erf last T=100", rnn(TestActivations.erf()), inputs(1000, 100, 8), true);
                case "tanh50" -> time("rnn tanh(GH 10x10) last T=50", rnn(tanhGaussHermite()), inputs(1000, 50, 8), true);
                case "tanh100" -> time("rnn tanh(GH 10x10) last T=100", rnn(tanhGaussHermite()), inputs(1000, 100, 8),
                        true);
                case "gru" -> {
                    Gru g = Gru.of("layers[0]", 1, 1, 0, "last", Gru.DEFAULT_SAMPLES, 0, Parameterization.NTK, 1024);
                    time("gru NNGP last N=200 T=20 samples=" + Gru.DEFAULT_SAMPLES, readout(new Timed(g)),
                            inputs(200, 20, 8),
                            false);
                    System.out.println("  " + g.errorEstimate());
                }
                case "gruerr" -> gruError();
                default -> throw new IllegalArgumentException("unknown case " + c);
            }
        }
    }

    /** The gru's estimated and measured Monte Carlo error at T = 20 (4 sequences, against 2^16 samples). */
    private static void gruError() {
        double[][][] x = SequenceStates.random(4, 20, 8, 3);
        org.ntk4j.api.KernelState ref = Gru.of("g", 1, 1, 0, "last", 1 << 16, 77, Parameterization.NTK, 1024)
                .apply(SequenceStates.state(x, null, x, null, true, 0));
        for (long seed = 1; seed <= 3; seed++) {
            Gru g = Gru.of("g", 1, 1, 0, "last", Gru.DEFAULT_SAMPLES, seed, Parameterization.NTK, 1024);
            org.ntk4j.api.KernelState s = g.apply(SequenceStates.state(x, null, x, null, true, 0));
            System.out.printf(Locale.ROOT, "gru T=20 seed %d: measured NNGP %.4f, NTK %.4f; %s%n", seed,
                    org.ntk4j.engine.finite.MonteCarloKernels.relativeFrobenius(s.cross(), ref.cross()),
                    org.ntk4j.engine.finite.MonteCarloKernels.relativeFrobenius(s.ntk(), ref.ntk()), g.errorEstimate());
        }
    }

    private static Layer rnn(Activation act) {
        return readout(new Timed(Rnn.of("layers[0]", act, 1.2, 1.0, 0.1, "last", Parameterization.NTK, 1024)));
    }

    /** CPU time spent inside the wrapped layer's kernel rule, summed over tiles and threads. */
    private static final java.util.concurrent.atomic.AtomicLong LAYER_CPU = new java.util.concurrent.atomic.AtomicLong();

    private static final class Timed implements Layer {
        private final Layer inner;

        Timed(Layer inner) {
            this.inner = inner;
        }

        @Override
        public String type() {
            return inner.type();
        }

        @Override
        public String path() {
            return inner.path();
        }

        @Override
        public org.ntk4j.api.Shape outputShape(org.ntk4j.api.Shape in) {
            return inner.outputShape(in);
        }

        @Override
        public boolean needsPositionCovariance() {
            return inner.needsPositionCovariance();
        }

        @Override
        public org.ntk4j.api.KernelState apply(org.ntk4j.api.KernelState in) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            org.ntk4j.api.KernelState out = inner.apply(in);
            LAYER_CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - t0);
            return out;
        }

        @Override
        public org.ntk4j.api.finite.FiniteLayer finite(org.ntk4j.api.finite.FiniteContext context) {
            return inner.finite(context);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static Layer pool(int steps) {
        double[] c = new double[steps];
        java.util.Arrays.fill(c, 1.0 / steps);
        return readout(new TimePool(c));
    }

    private static Layer readout(Layer l) {
        return new Serial("network", "layers", java.util.List.of(l,
                new Dense("layers[1]", 1.0, 0.0, 1024, Parameterization.NTK)));
    }

    private static Inputs inputs(int n, int steps, int d) {
        return SequenceStates.inputs(SequenceStates.random(n, steps, d, 1), null);
    }

    private static void time(String label, Layer network, Inputs x, boolean ntk) {
        long t0 = System.nanoTime();
        double cpu0 = processCpuSeconds();
        LAYER_CPU.set(0);
        KernelMatrices.Collector c = new KernelMatrices.Collector(x.count(), x.count(), ntk);
        new KernelComputer(network, KernelOptions.defaults().withNtk(ntk), new EjmlLinearAlgebra()).compute(x, null, c);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = processCpuSeconds() - cpu0;
        KernelMatrices k = c.result();
        System.out.printf(Locale.ROOT, "%-34s wall %7.1f s, CPU %7.1f s, of which the recurrent layer %7.1f s"
                        + "   (K[0,1] = %.6f%s)%n", label, s, cpu, LAYER_CPU.get() / 1e9, k.nngp(0, 1),
                ntk ? String.format(Locale.ROOT, ", Θ[0,1] = %.6f", k.ntk(0, 1)) : "");
    }

    /** tanh with a plain Gauss–Hermite product rule of degree 10 (nodes and weights from numpy's hermegauss). */
    static Activation tanhGaussHermite() {
        double[] z = {-4.859462828332312, -3.581823483551927, -2.4843258416389546, -1.4659890943911582,
                -0.48493570751549764, 0.48493570751549764, 1.4659890943911582, 2.4843258416389546, 3.581823483551927,
                4.859462828332312};
        double[] w = {4.310652630718312e-06, 0.0007580709343122172, 0.019111580500770272, 0.1354837029802678,
                0.344642334932019, 0.344642334932019, 0.1354837029802678, 0.019111580500770272,
                0.0007580709343122172, 4.310652630718312e-06};
        Activation base = TestActivations.tanh();
        DualActivation dual = new DualActivation() {
            @Override
            public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
                for (int i = 0; i < n; i++) {
                    double s1 = Math.sqrt(k11[i]);
                    double s2 = Math.sqrt(k22[i]);
                    double rho = s1 * s2 == 0 ? 0 : Math.max(-1, Math.min(1, k12[i] / (s1 * s2)));
                    double c = Math.sqrt(1 - rho * rho);
                    double a = 0;
                    double b = 0;
                    for (int p = 0; p < z.length; p++) {
                        double tu = Math.tanh(s1 * z[p]);
                        double ia = 0;
                        double ib = 0;
                        for (int q = 0; q < z.length; q++) {
                            double tv = Math.tanh(s2 * (rho * z[p] + c * z[q]));
                            ia += w[q] * tv;
                            ib += w[q] * (1 - tv * tv);
                        }
                        a += w[p] * tu * ia;
                        b += w[p] * (1 - tu * tu) * ib;
                    }
                    cov[i] = a;
                    if (dot != null) {
                        dot[i] = b;
                    }
                }
            }

            @Override
            public String describe() {
                return "gauss-hermite(10)";
            }
        };
        return new Activation() {
            @Override
            public String name() {
                return "tanh";
            }

            @Override
            public ActivationFunction function() {
                return base.function();
            }

            @Override
            public DualActivation dual() {
                return dual;
            }
        };
    }
}
