package org.ntk4j.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.ntk4j.api.Layer;
import org.ntk4j.api.NumericCore;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Serial;
import org.ntk4j.api.Shape;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelComputer;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.compute.KernelOptions;
import org.ntk4j.engine.compute.KernelSink;
import org.ntk4j.engine.finite.FiniteNetwork;
import org.ntk4j.engine.finite.MonteCarloKernels;
import org.ntk4j.engine.linalg.LinearAlgebra;

/** A validated architecture: its kernels (infinite width) and its finite-width twins. */
public final class Architecture {
    private final String name;
    private final Parameterization parameterization;
    private final Serial network;
    private final NumericCore numeric;
    private final LinearAlgebra linearAlgebra;

    Architecture(String name, Parameterization parameterization, List<Layer> layers, NumericCore numeric,
                 LinearAlgebra linearAlgebra) {
        this.linearAlgebra = linearAlgebra;
        this.name = name;
        this.parameterization = parameterization;
        this.network = new Serial("network", "layers", layers);
        this.numeric = numeric;
    }

    public String name() {
        return name;
    }

    public Parameterization parameterization() {
        return parameterization;
    }

    /** The whole network as one layer. */
    public Layer network() {
        return network;
    }

    public List<Layer> layers() {
        return network.layers();
    }

    /** The numeric back-end the layers were built with. */
    public NumericCore numericCore() {
        return numeric;
    }

    /** The linear algebra back-end (input Gram matrices). */
    public LinearAlgebra linearAlgebra() {
        return linearAlgebra;
    }

    /** Shape propagation; throws a SpecException naming the first layer that does not fit. */
    public Shape outputShape(Shape input) {
        return network.outputShape(input);
    }

    /** NNGP and NTK of x1 against itself. */
    public KernelMatrices kernels(Inputs x1) {
        return kernels(x1, null, KernelOptions.defaults());
    }

    /** NNGP and NTK of x1 against x2 ({@code null}: x1). */
    public KernelMatrices kernels(Inputs x1, Inputs x2) {
        return kernels(x1, x2, KernelOptions.defaults());
    }

    /** Vectors given as rows. */
    public KernelMatrices kernels(double[][] x1, double[][] x2) {
        return kernels(Inputs.of(x1), x2 == null ? null : Inputs.of(x2), KernelOptions.defaults());
    }

    /** Kernel entries (see {@link KernelComputer#entries}) from which a job is long enough to wait for warm code. */
    static final long LONG_JOB_ENTRIES = 4_000_000L;
    static final long WARM_WAIT_MILLIS = 1500;

    public KernelMatrices kernels(Inputs x1, Inputs x2, KernelOptions options) {
        int n2 = x2 == null ? x1.count() : x2.count();
        KernelMatrices.Collector c = new KernelMatrices.Collector(x1.count(), n2, options.withNtk());
        kernels(x1, x2, options, c);
        return c.result();
    }

    /** Streams tiles into {@code sink} (what the CLI does for outputs larger than memory). */
    public void kernels(Inputs x1, Inputs x2, KernelOptions options, KernelSink sink) {
        KernelComputer computer = new KernelComputer(network, options, linearAlgebra);
        if (computer.entries(x1, x2) >= LONG_JOB_ENTRIES) {
            // A long job: better to start on fast code than to spend the first second on slow code
            // while it is being compiled (and to slow that compilation down).
            numeric.awaitWarm(WARM_WAIT_MILLIS);
        }
        computer.compute(x1, x2, sink);
    }

    /** Checks the inputs against the network without computing (errors name the place). */
    public void check(Inputs x1, Inputs x2) {
        new KernelComputer(network, KernelOptions.defaults(), linearAlgebra).check(x1, x2);
    }

    /** One random finite-width twin of this architecture. */
    public FiniteNetwork finite(Shape input, int width, long seed) {
        return FiniteNetwork.build(network, input, parameterization, width, new SplittableRandom(seed));
    }

    /** Monte Carlo kernels of finite-width twins (x2 null: x1). */
    public MonteCarloKernels.Estimate monteCarlo(Inputs x1, Inputs x2, int width, int samples, long seed) {
        return MonteCarloKernels.estimate(network, parameterization, x1, x2, width, samples, seed);
    }
}
