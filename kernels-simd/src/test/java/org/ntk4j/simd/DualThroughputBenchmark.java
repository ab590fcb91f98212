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
 * Throughput of a closed-form dual (cov and dot for a batch of 2×2 covariances, as a layer calls
 * it per tile), scalar closed form from layers-core against the SIMD core. The score is pairs per
 * second (one operation = one pair). The SIMD duals start cold, in their scalar twin arithmetic, and
 * switch to vectors once C2 has compiled those (see WarmUp): on a loaded machine that takes a few
 * seconds, hence the long warm-up; the first iterations show the twin's own throughput.
 *
 * <pre>
 * # one reactor run, so that sibling modules resolve to their target/classes, not to stale jars
 * mvn -q -o -pl kernels-simd -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --add-modules jdk.incubator.vector -cp kernels-simd/target/test-classes:kernels-simd/target/classes:$(cat kernels-simd/target/cp.txt) \
 *      org.openjdk.jmh.Main 'DualThroughputBenchmark|ErfThroughputBenchmark'
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx512m"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class DualThroughputBenchmark {

    /** Pairs per call: a 64×64 tile, what one layer application sees. */
    static final int PAIRS = 4096;

    @Param({"relu", "erf"})
    String activation;

    @Param({"scalar", "simd"})
    String core;

    private DualActivation dual;
    private final double[] k11 = new double[PAIRS];
    private final double[] k22 = new double[PAIRS];
    private final double[] k12 = new double[PAIRS];
    private final double[] cov = new double[PAIRS];
    private final double[] dot = new double[PAIRS];

    @Setup
    public void setUp() {
        dual = core.equals("simd")
                ? new SimdNumericCore(new StubScalarCore()).closedForm(activation, new Params(Map.of())).orElseThrow()
                : ScalarClosedForms.of(activation, Map.of());
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < PAIRS; i++) {
            double a = random.nextDouble(0.1, 3.0);
            double b = random.nextDouble(0.1, 3.0);
            k11[i] = a;
            k22[i] = b;
            k12[i] = random.nextDouble(-1.0, 1.0) * Math.sqrt(a * b);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void dual(Blackhole bh) {
        dual.compute(k11, k22, k12, PAIRS, cov, dot);
        bh.consume(cov);
        bh.consume(dot);
    }
}
