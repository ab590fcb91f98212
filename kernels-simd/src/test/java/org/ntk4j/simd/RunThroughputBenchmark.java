package org.ntk4j.simd;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ntk4j.api.DualActivation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the relu dual as the engine calls it: {@link DualActivation#applyRun} on rows of a
 * 64 × 256 tile, in place, the NTK multiplied. {@code positive} rows (every layer of a relu network
 * after the first) take the SIMD short path; {@code mixed} rows have correlations of both signs.
 * The score is entries per second. Run like {@link DualThroughputBenchmark}, with
 * {@code org.openjdk.jmh.Main RunThroughputBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx512m"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class RunThroughputBenchmark {

    static final int ROWS = 64;
    static final int COLS = 256;

    @Param({"positive", "mixed"})
    String correlations;

    @Param({"scalar", "simd"})
    String core;

    private DualActivation dual;
    private final double[] k11 = new double[ROWS];
    private final double[] k22 = new double[COLS];
    private final double[] start = new double[ROWS * COLS];
    private final double[] cross = new double[ROWS * COLS];
    private final double[] ntk = new double[ROWS * COLS];

    @Setup
    public void setUp() {
        dual = core.equals("simd")
                ? new SimdNumericCore(new StubScalarCore()).closedForm("relu", new Params(Map.of())).orElseThrow()
                : ScalarClosedForms.of("relu", Map.of());
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ROWS; i++) {
            k11[i] = random.nextDouble(0.1, 3.0);
        }
        for (int j = 0; j < COLS; j++) {
            k22[j] = random.nextDouble(0.1, 3.0);
        }
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                double rho = correlations.equals("positive") ? random.nextDouble() : random.nextDouble(-1.0, 1.0);
                start[i * COLS + j] = rho * Math.sqrt(k11[i] * k22[j]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * COLS)
    public void runs(Blackhole bh) {
        System.arraycopy(start, 0, cross, 0, cross.length);
        java.util.Arrays.fill(ntk, 1.0);
        for (int i = 0; i < ROWS; i++) {
            dual.applyRun(k11[i], k22, 0, cross, i * COLS, COLS, ntk);
        }
        bh.consume(cross);
        bh.consume(ntk);
    }
}
