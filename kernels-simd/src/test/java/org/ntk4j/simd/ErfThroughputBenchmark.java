package org.ntk4j.simd;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ntk4j.layers.core.activation.ErrorFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the error function itself (values per second): layers-core's scalar series and
 * continued fraction against the vector polynomial. Run as {@link DualThroughputBenchmark} says.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ErfThroughputBenchmark {

    static final int VALUES = 4096;

    private final double[] x = new double[VALUES];
    private final double[] out = new double[VALUES];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < VALUES; i++) {
            x[i] = random.nextGaussian() * 2.0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void scalar(Blackhole bh) {
        for (int i = 0; i < VALUES; i++) {
            out[i] = ErrorFunction.erf(x[i]);
        }
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void simd(Blackhole bh) {
        SimdErf.erf(x, VALUES, out);
        bh.consume(out);
    }
}
