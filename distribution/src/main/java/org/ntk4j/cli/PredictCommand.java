package org.ntk4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ntk4j.api.SpecException;
import org.ntk4j.cli.predict.Pictures;
import org.ntk4j.cli.predict.TrainingTimes;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.compute.KernelOptions;
import org.ntk4j.engine.io.AtomicFiles;
import org.ntk4j.engine.io.DataFiles;
import org.ntk4j.engine.io.NpyTileWriter;
import org.ntk4j.engine.io.Tensor;
import org.ntk4j.gp.DenseMatrix;
import org.ntk4j.gp.Gaussian;
import org.ntk4j.gp.GpTrajectory;
import org.ntk4j.gp.GradientFlowGP;
import org.ntk4j.gp.GradientFlowOptions;
import org.ntk4j.gp.Loss;
import org.ntk4j.gp.TrainedKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ntk4j predict}: the Gaussian process of an infinitely wide network's outputs on test points
 * after training for each requested time by gradient flow on the squared loss.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"The distribution of an infinitely wide network's outputs on test points after training on (XT, YT)"
                + " for time t by gradient descent (gradient flow), for each time of --times.",
                "Writes DIR/mean.npy (times × Ntest × outputs), DIR/cov.npy (times × Ntest × Ntest) and DIR/summary.json."})
final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--arch", required = true, paramLabel = "A.json", description = "architecture (JSON)")
    Path arch;

    @Option(names = "--x-train", required = true, paramLabel = "XT", description = "training inputs: .npy or .csv (N × d, ...)")
    Path xTrain;

    @Option(names = "--y-train", required = true, paramLabel = "YT", description = "training targets: N or N × outputs")
    Path yTrain;

    @Option(names = "--x-test", required = true, paramLabel = "XS", description = "test inputs (Ntest × d, ...)")
    Path xTest;

    @Option(names = "--times", required = true, paramLabel = "T,...",
            description = "training times, comma-separated, each >= 0 or inf (e.g. 0,1,10,100,inf)")
    String times;

    @Option(names = "--learning-rate", defaultValue = "1", paramLabel = "ETA", description = "learning rate η (default 1)")
    double learningRate;

    @Option(names = "--loss", defaultValue = "sum", paramLabel = "sum|mean",
            description = "sum: ½Σ||f−y||² (default); mean: divided by N·outputs, as Neural Tangents")
    String loss;

    @Option(names = "--kernel", defaultValue = "ntk", paramLabel = "ntk|nngp",
            description = "ntk: all layers trained (default); nngp: only the readout trained")
    String kernel;

    @Option(names = "--diag-reg", defaultValue = "0", paramLabel = "R",
            description = "added to the diagonal of the training kernel (needed at t = inf when it is singular)")
    double diagReg;

    @Option(names = "--posterior", description = "also write the NNGP Bayesian posterior (noise variance --diag-reg):"
            + " DIR/posterior_mean.npy, DIR/posterior_cov.npy")
    boolean posterior;

    @Option(names = "--plot", paramLabel = "PLOT.png", description = "1-D inputs only: mean ± 2σ at each time, with the training points")
    Path plot;

    @Option(names = "--animate", paramLabel = "EVOLUTION.gif",
            description = "1-D inputs only: animated GIF of the same picture over 40 times from 0 to the largest finite time, then inf")
    Path animate;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads for the kernels (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        double[] ts = TrainingTimes.parse(times, "--times");
        GradientFlowOptions gpOptions = gpOptions();
        if (threads != null && threads < 1) {
            throw new SpecException("--threads", "expected a positive number, found " + threads);
        }
        Architecture a = main.ntk4j().load(arch);
        Inputs train = CliInputs.read(xTrain, null, "--x-train");
        Inputs test = CliInputs.read(xTest, null, "--x-test");
        Tensor y = readTargets(train.count());
        a.check(train, test);
        a.check(test, null);
        if (plot != null) {
            requireOneDimensional("--plot " + plot, train, test);
            requirePictureFile(plot, ".png", "--plot");
        }
        if (animate != null) {
            requireOneDimensional("--animate " + animate, train, test);
            requirePictureFile(animate, ".gif", "--animate");
        }
        Path dir = OutputFolder.prepare(out);
        gpOptions = gpOptions.withLinearAlgebra(a.linearAlgebra());

        boolean ntk = gpOptions.kernel() == TrainedKernel.NTK;
        KernelOptions ko = KernelOptions.defaults()
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        KernelMatrices trainTrain = a.kernels(train, null, ko.withNtk(ntk).withProgress(new Progress(err, "kernels train×train")));
        KernelMatrices testTrain = a.kernels(test, train, ko.withNtk(ntk).withProgress(new Progress(err, "kernels test×train")));
        KernelMatrices testTest = a.kernels(test, null, ko.withNtk(false).withProgress(new Progress(err, "kernel test×test")));
        long kernelsDone = System.nanoTime();

        int n = train.count();
        int m = test.count();
        int outputs = y.rank() == 1 ? 1 : y.dim(1);
        GradientFlowGP gp = GradientFlowGP.builder()
                .nngpTrain(new DenseMatrix(n, n, trainTrain.nngp()))
                .ntkTrain(ntk ? new DenseMatrix(n, n, trainTrain.ntk()) : null)
                .targets(new DenseMatrix(n, outputs, y.data()))
                .test(ntk ? new DenseMatrix(m, n, testTrain.ntk()) : null, new DenseMatrix(m, n, testTrain.nngp()),
                        new DenseMatrix(m, m, testTest.nngp()))
                .options(gpOptions)
                .build();
        GpTrajectory trajectory = atTimes(gp, ts, "--times");
        Gaussian post = null;
        if (posterior) {
            try {
                post = gp.posterior();
            } catch (SpecException e) {
                throw renamed(e, "--posterior");
            }
        }
        double[] smallest = trajectory.smallestCovarianceEigenvalues();
        double maxLr = gp.maxLearningRate(0);
        long gpDone = System.nanoTime();

        byte[] png = plot == null ? null : plotPng(a, train, test, y, ts, trajectory);
        byte[] gif = animate == null ? null : animationGif(a, train, test, y, gp, ts, maxLr);
        long picturesDone = System.nanoTime();

        try (NpyTileWriter meanOut = NpyTileWriter.create(dir.resolve("mean.npy"), ts.length, m, outputs);
             NpyTileWriter covOut = NpyTileWriter.create(dir.resolve("cov.npy"), ts.length, m, m);
             NpyTileWriter postMean = post == null ? null : NpyTileWriter.create(dir.resolve("posterior_mean.npy"), m, outputs);
             NpyTileWriter postCov = post == null ? null : NpyTileWriter.create(dir.resolve("posterior_cov.npy"), m, m)) {
            for (int i = 0; i < ts.length; i++) {
                Gaussian g = trajectory.at(i);
                meanOut.writeTile(i, 0, 0, m, outputs, g.mean().data());
                covOut.writeTile(i, 0, 0, m, m, g.covariance().data());
            }
            if (post != null) {
                postMean.writeTile(0, 0, m, outputs, post.mean().data());
                postCov.writeTile(0, 0, m, m, post.covariance().data());
            }
            String summary = summary(a, gp, train, test, y, ts, smallest, maxLr, ko,
                    seconds(start, kernelsDone), seconds(kernelsDone, gpDone), seconds(gpDone, picturesDone),
                    seconds(start, System.nanoTime()));
            // Pictures first: a failure there (a full disk) then leaves no result files behind.
            if (png != null) {
                AtomicFiles.writeBytes(plot, png);
            }
            if (gif != null) {
                AtomicFiles.writeBytes(animate, gif);
            }
            meanOut.commit();
            covOut.commit();
            if (post != null) {
                postMean.commit();
                postCov.commit();
            }
            AtomicFiles.writeString(dir.resolve("summary.json"), summary);
        }
        return Main.OK;
    }

    private byte[] plotPng(Architecture a, Inputs train, Inputs test, Tensor y, double[] ts, GpTrajectory trajectory) {
        List<Pictures.Curve> curves = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            curves.add(Pictures.Curve.of(ts[i], trajectory.at(i)));
        }
        return pictures(a, train, test, y).png(curves);
    }

    private byte[] animationGif(Architecture a, Inputs train, Inputs test, Tensor y, GradientFlowGP gp, double[] ts,
                                double maxLr) {
        return pictures(a, train, test, y).gif(animationCurves(gp, ts, maxLr, spec.commandLine().getErr()));
    }

    private static Pictures pictures(Architecture a, Inputs train, Inputs test, Tensor y) {
        int outputs = y.rank() == 1 ? 1 : y.dim(1);
        return new Pictures(test.data().clone(), train.data().clone(), firstColumn(y, outputs), a.name());
    }

    private GradientFlowOptions gpOptions() {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new SpecException("--learning-rate", "expected a finite number > 0, found " + learningRate);
        }
        if (!(diagReg >= 0) || Double.isInfinite(diagReg)) {
            throw new SpecException("--diag-reg", "expected a finite number >= 0, found " + diagReg);
        }
        return GradientFlowOptions.defaults()
                .withKernel(TrainedKernel.parse(kernel, "--kernel"))
                .withLoss(Loss.parse(loss, "--loss"))
                .withLearningRate(learningRate)
                .withDiagReg(diagReg);
    }

    /** Y as N × outputs (a vector is one column); rows must match the training inputs. */
    private Tensor readTargets(int n) {
        Tensor y = DataFiles.readFinite(yTrain);
        String place = "--y-train " + yTrain;
        if (y.rank() != 1 && y.rank() != 2) {
            throw new SpecException(place, "expected N or N × outputs targets, found shape " + y.shapeString());
        }
        if (y.dim(0) != n) {
            throw new SpecException(place, "has " + y.dim(0) + " rows but --x-train " + xTrain + " has " + n
                    + " inputs; expected one target row per training input");
        }
        if (y.rank() == 2 && y.dim(1) == 0) {
            throw new SpecException(place, "expected at least one output column, found shape " + y.shapeString());
        }
        return y;
    }

    private void requireOneDimensional(String option, Inputs train, Inputs test) {
        for (Inputs x : new Inputs[]{train, test}) {
            int[] shape = x.shape();
            if (shape.length != 2 || shape[1] != 1) {
                throw new SpecException(option, "pictures need 1-D inputs (N × 1), but " + x.name() + " has shape "
                        + Arrays.toString(shape).replace('[', '(').replace(']', ')'));
            }
        }
    }

    /** Checked before any work, so that a picture that cannot be written fails the run before results are kept. */
    private static void requirePictureFile(Path p, String ext, String option) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(ext)) {
            throw new SpecException(option + " " + p, "expected a file name ending in " + ext);
        }
        Path folder = p.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new SpecException(option + " " + p, "folder " + folder + " does not exist");
        }
        if (Files.isDirectory(p)) {
            throw new SpecException(option + " " + p, "is a folder; expected a " + ext + " file name");
        }
    }

    private static GpTrajectory atTimes(GradientFlowGP gp, double[] ts, String place) {
        try {
            return gp.predict(ts);
        } catch (SpecException e) {
            throw renamed(e, e.place() != null && e.place().equals("diag-reg") ? place + " inf" : place);
        }
    }

    /** The gp module names its settings without dashes; the CLI names the option the user typed. */
    private static SpecException renamed(SpecException e, String place) {
        String message = e.getMessage();
        String prefix = e.place() == null || e.place().isEmpty() ? "" : e.place() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return new SpecException(place, message);
    }

    /**
     * The animation's curves, one time at a time so that only the covariance diagonals are kept. The
     * grid ends at the largest finite requested time, or at 1000 units of η-scaled time if none is
     * positive; t = ∞ is the last frame unless the training kernel is singular (then a note says so).
     */
    private List<Pictures.Curve> animationCurves(GradientFlowGP gp, double[] ts, double maxLr, PrintWriter notes) {
        double last = 0;
        for (double t : ts) {
            if (Double.isFinite(t)) {
                last = Math.max(last, t);
            }
        }
        double timeFactor = gp.options().loss() == Loss.MEAN ? (double) gp.trainSize() * gp.outputs() : 1;
        if (last == 0) {
            last = 1000 * timeFactor / learningRate;
        }
        // maxLearningRate = 2·factor/λmax, so the fastest mode's time scale factor/(η·λmax) is maxLr/(2η).
        double fastest = Double.isFinite(maxLr) ? maxLr / (2 * learningRate) : last;
        double[] grid = TrainingTimes.animationGrid(fastest, last);
        List<Pictures.Curve> curves = new ArrayList<>();
        for (double t : grid) {
            try {
                curves.add(Pictures.Curve.of(t, gp.predict(new double[]{t}).at(0)));
            } catch (SpecException e) {
                if (t != Double.POSITIVE_INFINITY) {
                    throw renamed(e, "--animate " + animate);
                }
                // Only t = ∞ needs Θ⁻¹; the finite frames stand on their own.
                notes.println("ntk4j predict: the animation ends at t = " + TrainingTimes.label(last)
                        + " without a t = inf frame: the training kernel is singular (see --diag-reg)");
            }
        }
        return curves;
    }

    private static double[] firstColumn(Tensor y, int outputs) {
        double[] c = new double[y.dim(0)];
        for (int i = 0; i < c.length; i++) {
            c[i] = y.data()[i * outputs];
        }
        return c;
    }

    private static double seconds(long from, long to) {
        return Math.round((to - from) / 1e6) / 1000.0;
    }

    private String summary(Architecture a, GradientFlowGP gp, Inputs train, Inputs test, Tensor y, double[] ts,
                           double[] smallest, double maxLr, KernelOptions ko, double kernelSeconds, double gpSeconds,
                           double pictureSeconds, double totalSeconds) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode s = mapper.createObjectNode();
        s.put("ntk4j", VersionProvider.version());
        s.put("architecture", a.name());
        s.put("architectureFile", arch.toString());
        s.put("parameterization", a.parameterization().jsonName());
        GradientFlowOptions o = gp.options();
        s.put("kernel", o.kernel().name().toLowerCase(Locale.ROOT));
        s.put("loss", o.loss().name().toLowerCase(Locale.ROOT));
        s.put("learningRate", o.learningRate());
        s.put("diagReg", o.diagReg());
        ArrayNode times = s.putArray("times");
        for (double t : ts) {
            addNumber(times, t);
        }
        ObjectNode in = s.putObject("inputs");
        in.set("xTrain", mapper.valueToTree(Map.of("file", xTrain.toString(), "shape", train.shape())));
        in.set("yTrain", mapper.valueToTree(Map.of("file", yTrain.toString(), "shape", y.shape())));
        in.set("xTest", mapper.valueToTree(Map.of("file", xTest.toString(), "shape", test.shape())));
        int m = test.count();
        ObjectNode outs = s.putObject("outputs");
        outs.set("mean", mapper.valueToTree(Map.of("file", "mean.npy", "shape", new int[]{ts.length, m, gp.outputs()})));
        outs.set("cov", mapper.valueToTree(Map.of("file", "cov.npy", "shape", new int[]{ts.length, m, m})));
        if (posterior) {
            outs.set("posteriorMean", mapper.valueToTree(Map.of("file", "posterior_mean.npy", "shape", new int[]{m, gp.outputs()})));
            outs.set("posteriorCov", mapper.valueToTree(Map.of("file", "posterior_cov.npy", "shape", new int[]{m, m})));
        }
        if (plot != null) {
            outs.put("plot", plot.toString());
        }
        if (animate != null) {
            outs.put("animation", animate.toString());
        }
        ArrayNode eig = s.putArray("smallestCovarianceEigenvalue");
        for (double v : smallest) {
            addNumber(eig, v);
        }
        addNumber(s, "maxLearningRate", maxLr);
        ObjectNode secs = s.putObject("seconds");
        secs.put("kernels", kernelSeconds);
        secs.put("gp", gpSeconds);
        if (plot != null || animate != null) {
            secs.put("pictures", pictureSeconds);
        }
        secs.put("total", totalSeconds);
        ObjectNode b = s.putObject("backends");
        b.put("numericCore", a.numericCore().name());
        b.put("linearAlgebra", o.linearAlgebra().name());
        b.put("threads", ko.threads());
        b.put("java", Runtime.version().toString());
        return s.toPrettyString() + "\n";
    }

    /** JSON has no infinity or NaN: those are written as the strings "inf" and "nan". */
    private static void addNumber(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.add(Double.isNaN(v) ? "nan" : "inf");
        }
    }

    private static void addNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.isNaN(v) ? "nan" : "inf");
        }
    }
}
