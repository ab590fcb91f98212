package org.ntk4j.gp;

import java.util.ArrayList;
import java.util.List;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.linalg.CholeskyFactor;
import org.ntk4j.engine.linalg.LinearAlgebra;
import org.ntk4j.engine.linalg.NotPositiveDefiniteException;

/**
 * The Gaussian process of an infinitely wide network's outputs after training for time t by gradient
 * flow on the squared loss (Lee et al. 2019), from its kernels on training and test points.
 *
 * <p>With Θ_d the training kernel that drives the dynamics (Θ(X,X) for {@link TrainedKernel#NTK},
 * K(X,X) for {@link TrainedKernel#NNGP}) plus diagReg·I, τ = η·t (divided by N·outputs for
 * {@link Loss#MEAN}) and Θ^(t) = Θ_d⁻¹(I − e^{−τΘ_d}), the outputs on test points are Gaussian with
 * <ul>
 *   <li>mean μ_t = Θ(x*,X) Θ^(t) Y,</li>
 *   <li>covariance Σ_t = K(x*,x*) + Θ(x*,X) Θ^(t) K_m Θ^(t) Θ(X,x*) − Θ(x*,X) Θ^(t) K(X,x*) − K(x*,X) Θ^(t) Θ(X,x*),</li>
 * </ul>
 * where K_m, the covariance of the initial outputs on the training points, is K(X,X) for the NTK and
 * K(X,X) + diagReg·I for the NNGP (as Neural Tangents does, so that the NNGP's t = ∞ limit is exactly
 * the posterior of {@link #posterior()} with noise diagReg). For the NNGP every Θ above is K.
 *
 * <p>All finite times share one eigendecomposition of Θ_d; t = ∞ uses a Cholesky solve; t = 0 is the
 * prior. Results are cached per instance; methods are safe to call from several threads.
 */
public final class GradientFlowGP {
    private final DenseMatrix ntkTrain;
    private final DenseMatrix nngpTrain;
    private final DenseMatrix targets;
    private final TestKernels test;
    private final GradientFlowOptions options;
    private final LinearAlgebra la;
    private final int n;

    private TrainEigenbasis eigenbasis;
    private double[] dynamicsEigenvalues;
    private CholeskyFactor dynamicsCholesky;
    private CholeskyFactor nngpCholesky;
    private FiniteTimePredictor testPredictor;
    private FiniteTimePredictor trainPredictor;

    private GradientFlowGP(Builder b) {
        this.options = b.options;
        this.la = options.linearAlgebra();
        if (b.nngpTrain == null || b.targets == null) {
            throw new IllegalArgumentException("the training NNGP K(X,X) and the targets Y are required");
        }
        boolean ntk = options.kernel() == TrainedKernel.NTK;
        if (ntk && b.ntkTrain == null) {
            throw new IllegalArgumentException("kernel ntk needs the training NTK Θ(X,X)");
        }
        this.n = b.nngpTrain.rows();
        if (n == 0) {
            throw new SpecException("x-train", "expected at least one training point, found none");
        }
        KernelChecks.requireShape("kernel K(X,X)", b.nngpTrain, n, n, "training points", "training points");
        KernelChecks.requireFinite("kernel K(X,X)", b.nngpTrain, "the kernel");
        if (ntk) {
            KernelChecks.requireShape("kernel Θ(X,X)", b.ntkTrain, n, n, "training points", "training points");
            KernelChecks.requireFinite("kernel Θ(X,X)", b.ntkTrain, "the kernel");
        }
        if (b.targets.rows() != n) {
            throw new SpecException("y-train", "expected " + n + " rows, one per training input, found "
                    + b.targets.rows());
        }
        if (b.targets.cols() == 0) {
            throw new SpecException("y-train", "expected at least one output column, found none");
        }
        KernelChecks.requireFinite("y-train", b.targets, "training targets");
        if (b.test != null) {
            checkTest(b.test, ntk);
        }
        this.ntkTrain = ntk ? b.ntkTrain : null;
        this.nngpTrain = b.nngpTrain;
        this.targets = b.targets;
        this.test = b.test;
    }

    private void checkTest(TestKernels t, boolean ntk) {
        if (t.nngpTest() == null || t.nngpTestTrain() == null || (ntk && t.ntkTestTrain() == null)) {
            throw new IllegalArgumentException("test kernels need K(x*,x*), K(x*,X)" + (ntk ? " and Θ(x*,X)" : ""));
        }
        int m = t.nngpTest().rows();
        KernelChecks.requireShape("kernel K(x*,x*)", t.nngpTest(), m, m, "test points", "test points");
        KernelChecks.requireShape("kernel K(x*,X)", t.nngpTestTrain(), m, n, "test points", "training points");
        KernelChecks.requireFinite("kernel K(x*,x*)", t.nngpTest(), "the kernel");
        KernelChecks.requireFinite("kernel K(x*,X)", t.nngpTestTrain(), "the kernel");
        if (ntk) {
            KernelChecks.requireShape("kernel Θ(x*,X)", t.ntkTestTrain(), m, n, "test points", "training points");
            KernelChecks.requireFinite("kernel Θ(x*,X)", t.ntkTestTrain(), "the kernel");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public GradientFlowOptions options() {
        return options;
    }

    /** Number of training points N. */
    public int trainSize() {
        return n;
    }

    /** Number of output columns of Y. */
    public int outputs() {
        return targets.cols();
    }

    /**
     * The GP on the test points at each time (≥ 0, or {@code Double.POSITIVE_INFINITY}).
     *
     * @throws SpecException for a negative or NaN time, or for t = ∞ when the training kernel is singular
     * @throws IllegalStateException if the GP was built without test kernels
     */
    public synchronized GpTrajectory predict(double[] times) {
        if (test == null) {
            throw new IllegalStateException("no test kernels were given to the builder");
        }
        double[] ts = KernelChecks.requireTimes(times);
        return trajectory(ts, test, false);
    }

    /**
     * The GP on the training points themselves at each time: the test formulas with x* = X, using the
     * unregularised kernels between training points. The mean moves from 0 at t = 0 towards Y.
     */
    public synchronized GpTrajectory predictTrain(double[] times) {
        double[] ts = KernelChecks.requireTimes(times);
        return trajectory(ts, new TestKernels(ntkTrain, nngpTrain, nngpTrain), true);
    }

    /**
     * The exact Bayesian posterior of the NNGP on the test points, with observation noise variance
     * diagReg: mean K(x*,X)(K + diagReg·I)⁻¹Y, covariance K(x*,x*) − K(x*,X)(K + diagReg·I)⁻¹K(X,x*).
     */
    public synchronized Gaussian posterior() {
        if (test == null) {
            throw new IllegalStateException("no test kernels were given to the builder");
        }
        return InfiniteTimeSolver.posterior(la, nngpCholesky(), targets, test);
    }

    /**
     * The largest learning rate for which full-batch gradient descent with this momentum still
     * converges on the linearised network: 2·(1 + momentum)/λ_max(Θ_d), times N·outputs for
     * {@link Loss#MEAN}. Infinite when Θ_d is zero.
     */
    public synchronized double maxLearningRate(double momentum) {
        if (!(momentum >= 0) || Double.isInfinite(momentum)) {
            throw new SpecException("momentum", "expected a finite number >= 0, found " + momentum);
        }
        double[] values = dynamicsEigenvalues();
        return 2 * (1 + momentum) * lossTimeFactor() / Math.max(0, values[n - 1]);
    }

    /**
     * Eigenvalues of Θ_d (ascending, as computed; slightly negative ones are round-off). Taken from
     * the eigendecomposition if a finite time already needed it, else computed alone (cheaper).
     */
    public synchronized double[] trainKernelEigenvalues() {
        return dynamicsEigenvalues().clone();
    }

    private double[] dynamicsEigenvalues() {
        if (eigenbasis != null) {
            return eigenbasis.values;
        }
        if (dynamicsEigenvalues == null) {
            dynamicsEigenvalues = la.eigenvalues(dynamicsKernel(), n);
        }
        return dynamicsEigenvalues;
    }

    // ---- internals ----

    private GpTrajectory trajectory(double[] times, TestKernels on, boolean trainSet) {
        List<Gaussian> out = new ArrayList<>(times.length);
        Gaussian infinite = null;
        for (double t : times) {
            if (t == Double.POSITIVE_INFINITY) {
                if (infinite == null) {
                    infinite = infiniteTime(on);
                }
                out.add(infinite);
            } else {
                out.add(predictor(on, trainSet).at(t == 0 ? 0 : options.learningRate() * t / lossTimeFactor()));
            }
        }
        return new GpTrajectory(times, out);
    }

    private FiniteTimePredictor predictor(TestKernels on, boolean trainSet) {
        boolean ntk = options.kernel() == TrainedKernel.NTK;
        if (trainSet) {
            if (trainPredictor == null) {
                trainPredictor = new FiniteTimePredictor(la, eigenbasis(), on, ntk);
            }
            return trainPredictor;
        }
        if (testPredictor == null) {
            testPredictor = new FiniteTimePredictor(la, eigenbasis(), on, ntk);
        }
        return testPredictor;
    }

    private Gaussian infiniteTime(TestKernels on) {
        if (options.kernel() == TrainedKernel.NNGP) {
            return InfiniteTimeSolver.posterior(la, nngpCholesky(), targets, on);
        }
        return InfiniteTimeSolver.ntk(la, dynamicsCholesky(), nngpTrain.data(), targets, on);
    }

    /** N·outputs for the mean loss (its gradient is that much smaller), 1 for the sum. */
    private double lossTimeFactor() {
        return options.loss() == Loss.MEAN ? (double) n * targets.cols() : 1.0;
    }

    private TrainEigenbasis eigenbasis() {
        if (eigenbasis == null) {
            boolean ntk = options.kernel() == TrainedKernel.NTK;
            eigenbasis = TrainEigenbasis.compute(la, dynamicsKernel(), ntk ? nngpTrain.data() : null, targets);
        }
        return eigenbasis;
    }

    /** Θ_d = sym(Θ or K) + diagReg·I, a fresh array. */
    private double[] dynamicsKernel() {
        DenseMatrix base = options.kernel() == TrainedKernel.NTK ? ntkTrain : nngpTrain;
        return symmetrisedPlusDiagonal(base.data(), options.diagReg());
    }

    /**
     * (A + Aᵀ)/2 + reg·I. Kernels from quadrature can be asymmetric by round-off or worse; averaging
     * makes the result independent of which triangle a back-end's eigensolver or Cholesky reads.
     */
    private double[] symmetrisedPlusDiagonal(double[] a, double reg) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            out[i * n + i] = a[i * n + i] + reg;
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (a[i * n + j] + a[j * n + i]);
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
        }
        return out;
    }

    private CholeskyFactor dynamicsCholesky() {
        if (options.kernel() == TrainedKernel.NNGP) {
            return nngpCholesky();
        }
        if (dynamicsCholesky == null) {
            dynamicsCholesky = factor(dynamicsKernel(), "NTK Θ(X,X)");
        }
        return dynamicsCholesky;
    }

    private CholeskyFactor nngpCholesky() {
        if (nngpCholesky == null) {
            nngpCholesky = factor(symmetrisedPlusDiagonal(nngpTrain.data(), options.diagReg()), "NNGP K(X,X)");
        }
        return nngpCholesky;
    }

    /**
     * Cholesky of a training kernel for the t = ∞ solve. A factorisation that succeeds with a pivot
     * below N·ε of the largest diagonal entry is refused too: the matrix is singular to working
     * precision (typically duplicated inputs) and its "inverse" would be round-off amplified by 1/ε.
     */
    private CholeskyFactor factor(double[] kernel, String which) {
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, kernel[i * n + i]);
        }
        CholeskyFactor f;
        try {
            f = la.cholesky(kernel, n);
        } catch (NotPositiveDefiniteException e) {
            String minor = e.failedOrder().isPresent()
                    ? " (its leading minor of order " + e.failedOrder().getAsInt() + " is not positive)" : "";
            throw singular(which, maxDiagonal, minor);
        }
        double smallestPivot = Double.POSITIVE_INFINITY;
        for (double l : f.diagonal()) {
            smallestPivot = Math.min(smallestPivot, l * l);
        }
        if (!(smallestPivot > n * Math.ulp(1.0) * maxDiagonal)) {
            throw singular(which, maxDiagonal, String.format(
                    " (its smallest Cholesky pivot is %.2g of its largest diagonal entry)", smallestPivot / maxDiagonal));
        }
        return f;
    }

    private SpecException singular(String which, double maxDiagonal, String detail) {
        double suggestion = Math.max(1e-6 * maxDiagonal, options.diagReg() * 100);
        String advice = options.diagReg() == 0
                ? "Pass --diag-reg with a small positive value, e.g. --diag-reg " + String.format("%.2g", suggestion)
                        + " (1e-6 of the largest diagonal entry)."
                : "It stays singular with --diag-reg " + options.diagReg() + "; try a larger value, e.g. --diag-reg "
                        + String.format("%.2g", suggestion) + ".";
        return new SpecException("diag-reg", "the training " + which + " (" + n + "x" + n + ", plus diag-reg "
                + options.diagReg() + ") is not numerically positive definite" + detail
                + ", so the t = inf solution, which needs its inverse, is not defined; this happens when training"
                + " inputs are duplicated or nearly collinear. " + advice);
    }

    /** Collects the matrices; {@link #build()} checks them all against each other. */
    public static final class Builder {
        private DenseMatrix ntkTrain;
        private DenseMatrix nngpTrain;
        private DenseMatrix targets;
        private TestKernels test;
        private GradientFlowOptions options;

        private Builder() {
        }

        /** Θ(X,X), N×N; required for {@link TrainedKernel#NTK}. */
        public Builder ntkTrain(DenseMatrix theta) {
            this.ntkTrain = theta;
            return this;
        }

        /** K(X,X), N×N; always required (it is the covariance of the untrained outputs). */
        public Builder nngpTrain(DenseMatrix k) {
            this.nngpTrain = k;
            return this;
        }

        /** Y, N×outputs. */
        public Builder targets(DenseMatrix y) {
            this.targets = y;
            return this;
        }

        /** Kernels between the test and training points; needed for {@link #predict} and {@link #posterior}. */
        public Builder test(TestKernels kernels) {
            this.test = kernels;
            return this;
        }

        /** Θ(x*,X) (null allowed for the NNGP), K(x*,X) and K(x*,x*). */
        public Builder test(DenseMatrix ntkTestTrain, DenseMatrix nngpTestTrain, DenseMatrix nngpTest) {
            return test(new TestKernels(ntkTestTrain, nngpTestTrain, nngpTest));
        }

        public Builder options(GradientFlowOptions opts) {
            this.options = opts;
            return this;
        }

        public GradientFlowGP build() {
            if (options == null) {
                options = GradientFlowOptions.defaults();
            }
            return new GradientFlowGP(this);
        }
    }
}
