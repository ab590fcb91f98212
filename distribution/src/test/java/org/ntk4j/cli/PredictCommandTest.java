package org.ntk4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.cli.predict.TrainingTimes;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.Ntk4j;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelMatrices;
import org.ntk4j.engine.io.Tensor;
import org.ntk4j.gp.DenseMatrix;
import org.ntk4j.gp.Gaussian;
import org.ntk4j.gp.GpTrajectory;
import org.ntk4j.gp.GradientFlowGP;
import org.ntk4j.gp.GradientFlowOptions;
import org.ntk4j.gp.Loss;

class PredictCommandTest {
    static final String MLP = """
            {"name": "relu-mlp", "layers": [{"type": "dense", "wStd": 1.5, "bStd": 0.5}, {"type": "relu"},
             {"type": "dense", "wStd": 1.5, "bStd": 0.5}]}""";

    @TempDir
    Path tmp;

    private Path arch() throws IOException {
        return TestFiles.text(tmp, "arch.json", MLP);
    }

    private static Inputs inputs(Path p) {
        Tensor t = TestFiles.read(p);
        return new Inputs(p.toString(), t.shape(), t.data(), null);
    }

    /** The same GP built directly from Architecture.kernels, for comparison with the command's files. */
    private static GradientFlowGP referenceGp(Path xt, Path yt, Path xs, GradientFlowOptions options) {
        Architecture a = Ntk4j.create((Path) null).parse(MLP);
        Inputs train = inputs(xt);
        Inputs test = inputs(xs);
        KernelMatrices tt = a.kernels(train, null);
        KernelMatrices st = a.kernels(test, train);
        KernelMatrices ss = a.kernels(test, null);
        Tensor y = TestFiles.read(yt);
        int n = train.count();
        int m = test.count();
        int outputs = y.rank() == 1 ? 1 : y.dim(1);
        return GradientFlowGP.builder()
                .nngpTrain(new DenseMatrix(n, n, tt.nngp())).ntkTrain(new DenseMatrix(n, n, tt.ntk()))
                .targets(new DenseMatrix(n, outputs, y.data()))
                .test(new DenseMatrix(m, n, st.ntk()), new DenseMatrix(m, n, st.nngp()), new DenseMatrix(m, m, ss.nngp()))
                .options(options.withLinearAlgebra(a.linearAlgebra()))
                .build();
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(1e-12 * Math.max(scale, 1)));
        }
    }

    /** Plane p of a times × rows × cols array. */
    private static double[] plane(Tensor t, int p) {
        int size = t.dim(1) * t.dim(2);
        double[] out = new double[size];
        System.arraycopy(t.data(), p * size, out, 0, size);
        return out;
    }

    @Test
    void writesMeansCovariancesAndSummaryEqualToTheGaussianProcess() throws IOException {
        Path xt = TestFiles.npy(tmp, "xt.npy", new int[]{7, 3}, 1);
        Path yt = TestFiles.npy(tmp, "yt.npy", new int[]{7, 2}, 2);
        Path xs = TestFiles.npy(tmp, "xs.npy", new int[]{4, 3}, 3);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("predict", "--arch", arch().toString(), "--x-train", xt.toString(), "--y-train", yt.toString(),
                "--x-test", xs.toString(), "--times", "0,0.5,5,inf", "--loss", "mean", "--learning-rate", "2",
                "--posterior", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        Tensor mean = TestFiles.read(out.resolve("mean.npy"));
        Tensor cov = TestFiles.read(out.resolve("cov.npy"));
        assertThat(mean.shape()).containsExactly(4, 4, 2);
        assertThat(cov.shape()).containsExactly(4, 4, 4);
        GradientFlowGP gp = referenceGp(xt, yt, xs, GradientFlowOptions.defaults().withLoss(Loss.MEAN).withLearningRate(2));
        GpTrajectory ref = gp.predict(new double[]{0, 0.5, 5, Double.POSITIVE_INFINITY});
        for (int t = 0; t < 4; t++) {
            assertClose(plane(mean, t), ref.at(t).mean().data());
            assertClose(plane(cov, t), ref.at(t).covariance().data());
        }
        Gaussian post = gp.posterior();
        assertClose(TestFiles.read(out.resolve("posterior_mean.npy")).data(), post.mean().data());
        assertClose(TestFiles.read(out.resolve("posterior_cov.npy")).data(), post.covariance().data());
        assertThat(TestFiles.read(out.resolve("posterior_cov.npy")).shape()).containsExactly(4, 4);

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("times").toString()).isEqualTo("[0.0,0.5,5.0,\"inf\"]");
        assertThat(s.get("loss").asText()).isEqualTo("mean");
        assertThat(s.get("kernel").asText()).isEqualTo("ntk");
        assertThat(s.get("learningRate").asDouble()).isEqualTo(2.0);
        assertThat(s.get("outputs").get("mean").get("shape").toString()).isEqualTo("[4,4,2]");
        assertThat(s.get("smallestCovarianceEigenvalue")).hasSize(4);
        assertThat(s.get("maxLearningRate").asDouble()).isCloseTo(gp.maxLearningRate(0), within(1e-12 * gp.maxLearningRate(0)));
        assertThat(s.get("seconds").get("kernels").isNumber()).isTrue();
        assertThat(s.get("seconds").get("gp").isNumber()).isTrue();
        assertThat(s.get("backends").get("numericCore").asText()).isNotEmpty();
        assertThat(s.get("backends").get("linearAlgebra").asText()).isNotEmpty();
    }

    @Test
    void atTimeZeroTheMeanIsZeroAndTheCovarianceIsTheNngpOfTheTestPoints() throws IOException {
        Path xt = TestFiles.npy(tmp, "xt.npy", new int[]{5, 2}, 4);
        Path yt = TestFiles.npy(tmp, "yt.npy", new int[]{5}, 5);
        Path xs = TestFiles.npy(tmp, "xs.npy", new int[]{3, 2}, 6);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("predict", "--arch", arch().toString(), "--x-train", xt.toString(), "--y-train", yt.toString(),
                "--x-test", xs.toString(), "--times", "0", "--kernel", "nngp", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tensor mean = TestFiles.read(out.resolve("mean.npy"));
        assertThat(mean.shape()).containsExactly(1, 3, 1);
        assertThat(mean.data()).containsOnly(0.0);
        double[] k = Ntk4j.create((Path) null).parse(MLP).kernels(inputs(xs), null).nngp();
        assertClose(TestFiles.read(out.resolve("cov.npy")).data(), k);
        assertThat(out.resolve("posterior_mean.npy")).doesNotExist();
    }

    @Test
    void plotAndAnimationOfOneDimensionalInputsDecode() throws IOException {
        Path xt = TestFiles.npy(tmp, "xt.npy", Tensor.of(new int[]{5, 1}, new double[]{-2, -1, 0, 1, 2}));
        Path yt = TestFiles.npy(tmp, "yt.npy", Tensor.of(new int[]{5}, new double[]{0.5, -1, 0.2, 1, -0.3}));
        double[] grid = new double[25];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -3 + 6.0 * i / (grid.length - 1);
        }
        Path xs = TestFiles.npy(tmp, "xs.npy", Tensor.of(new int[]{25, 1}, grid));
        Path out = tmp.resolve("out");
        Path png = tmp.resolve("plot.png");
        Path gif = tmp.resolve("evolution.gif");
        CliRun r = CliRun.of("predict", "--arch", arch().toString(), "--x-train", xt.toString(), "--y-train", yt.toString(),
                "--x-test", xs.toString(), "--times", "0,0.1,1,inf", "--plot", png.toString(), "--animate", gif.toString(),
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isGreaterThan(400);
        assertThat(img.getRGB(3, 3) & 0xffffff).isEqualTo(0xffffff);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in);
            assertThat(reader.getFormatName()).isEqualToIgnoringCase("gif");
            assertThat(reader.getNumImages(true)).isEqualTo(TrainingTimes.ANIMATION_FINITE_FRAMES + 1);
            BufferedImage last = reader.read(TrainingTimes.ANIMATION_FINITE_FRAMES);
            assertThat(last.getWidth()).isEqualTo(img.getWidth());
            // Decoded in the intended colours (a wrong colour table shows a white background as black).
            assertThat(last.getRGB(3, 3) & 0xffffff).isEqualTo(0xffffff);
            reader.dispose();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void animationOfASingularKernelEndsWithoutTheInfiniteFrame() throws IOException {
        // x = 1 twice: Θ(X,X) is singular, so only t = ∞ is undefined.
        Path xt = TestFiles.npy(tmp, "xt.npy", Tensor.of(new int[]{3, 1}, new double[]{-1, 1, 1}));
        Path yt = TestFiles.npy(tmp, "yt.npy", Tensor.of(new int[]{3}, new double[]{0.5, -1, -1}));
        Path xs = TestFiles.npy(tmp, "xs.npy", Tensor.of(new int[]{4, 1}, new double[]{-2, -0.5, 0.5, 2}));
        Path gif = tmp.resolve("evolution.gif");
        CliRun r = CliRun.of(args(xt, yt, xs, "0,10", "--animate", gif.toString(), "--out", tmp.resolve("out").toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("without a t = inf frame");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(TrainingTimes.ANIMATION_FINITE_FRAMES);
            reader.dispose();
        }
    }

    private CliRun assertBadInput(String expectedMessagePart, String... args) throws IOException {
        Path out = tmp.resolve("bad-out");
        String[] full = Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new);
        CliRun r = CliRun.of(full);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expectedMessagePart).doesNotContain("\tat ");
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.toList()).as("files left in --out").isEmpty();
            }
        }
        assertThat(tmp.resolve("p.png")).doesNotExist();
        assertThat(tmp.resolve("a.gif")).doesNotExist();
        return r;
    }

    private String[] args(Path xt, Path yt, Path xs, String times, String... more) throws IOException {
        return Stream.concat(Stream.of("predict", "--arch", arch().toString(), "--x-train", xt.toString(),
                "--y-train", yt.toString(), "--x-test", xs.toString(), "--times", times), Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void badInputsExitWithTwoNamingTheOptionAndLeaveNoFiles() throws IOException {
        Path xt = TestFiles.npy(tmp, "xt.npy", new int[]{5, 3}, 7);
        Path xs = TestFiles.npy(tmp, "xs.npy", new int[]{3, 3}, 8);
        Path yt = TestFiles.npy(tmp, "yt.npy", new int[]{5}, 9);
        Path y6 = TestFiles.npy(tmp, "y6.npy", new int[]{6, 2}, 10);
        Path yNaN = TestFiles.npy(tmp, "ynan.npy", Tensor.of(new int[]{5}, new double[]{1, 2, Double.NaN, 4, 5}));
        Path y3d = TestFiles.npy(tmp, "y3d.npy", new int[]{5, 1, 1}, 11);

        assertBadInput("--y-train " + y6 + ": has 6 rows but --x-train " + xt + " has 5 inputs", args(xt, y6, xs, "0,1"));
        assertBadInput(yNaN + ": value at [2] is NaN", args(xt, yNaN, xs, "1"));
        assertBadInput("--y-train " + y3d + ": expected N or N × outputs targets, found shape (5, 1, 1)", args(xt, y3d, xs, "1"));
        assertBadInput("--times: time 2 is -1; training times must be >= 0", args(xt, yt, xs, "0,-1,inf"));
        assertBadInput("--times: time 1 is \"ten\"; expected a number >= 0 or inf", args(xt, yt, xs, "ten"));
        assertBadInput("--times: time 2 is NaN", args(xt, yt, xs, "1,NaN"));
        assertBadInput("--times: time 3 is \"\"", args(xt, yt, xs, "1,2,"));
        assertBadInput("--loss: expected sum or mean, found 'avg'", args(xt, yt, xs, "1", "--loss", "avg"));
        assertBadInput("--kernel: expected ntk or nngp", args(xt, yt, xs, "1", "--kernel", "rbf"));
        assertBadInput("--diag-reg: expected a finite number >= 0, found -1.0", args(xt, yt, xs, "1", "--diag-reg", "-1"));
        assertBadInput("--learning-rate: expected a finite number > 0, found 0.0", args(xt, yt, xs, "1", "--learning-rate", "0"));
        assertBadInput("--plot " + tmp.resolve("p.png") + ": pictures need 1-D inputs (N × 1), but " + xt + " has shape (5, 3)",
                args(xt, yt, xs, "1", "--plot", tmp.resolve("p.png").toString()));
        assertBadInput("--animate " + tmp.resolve("a.gif") + ": pictures need 1-D inputs (N × 1)",
                args(xt, yt, xs, "1", "--animate", tmp.resolve("a.gif").toString()));
        Path x1 = TestFiles.npy(tmp, "x1.npy", new int[]{5, 1}, 14);
        Path xs1 = TestFiles.npy(tmp, "xs1.npy", new int[]{3, 1}, 15);
        Path nowhere = tmp.resolve("no-such-folder").resolve("p.png");
        assertBadInput("--plot " + nowhere + ": folder " + nowhere.getParent().toAbsolutePath() + " does not exist",
                args(x1, yt, xs1, "1", "--plot", nowhere.toString()));
        assertBadInput("--animate " + tmp.resolve("a.png") + ": expected a file name ending in .gif",
                args(x1, yt, xs1, "1", "--animate", tmp.resolve("a.png").toString()));
        Path xsWide = TestFiles.npy(tmp, "xs4.npy", new int[]{3, 4}, 12);
        assertBadInput(xsWide.toString(), args(xt, yt, xsWide, "1"));
    }

    @Test
    void singularTrainingKernelAtInfinityAsksForDiagReg() throws IOException {
        // Two identical training inputs make Θ(X,X) exactly singular.
        double[] x = {0.3, -1.2, 0.3, -1.2, 1.0, 0.5};
        Path xt = TestFiles.npy(tmp, "xt.npy", Tensor.of(new int[]{3, 2}, x));
        Path yt = TestFiles.npy(tmp, "yt.npy", Tensor.of(new int[]{3}, new double[]{1, -1, 0.5}));
        Path xs = TestFiles.npy(tmp, "xs.npy", new int[]{2, 2}, 13);
        CliRun r = assertBadInput("--times inf: the training NTK", args(xt, yt, xs, "0,1,inf"));
        assertThat(r.err()).contains("Pass --diag-reg");
        Path out = tmp.resolve("reg");
        CliRun ok = CliRun.of(Stream.concat(Stream.of(args(xt, yt, xs, "0,1,inf", "--diag-reg", "1e-4")),
                Stream.of("--out", out.toString())).toArray(String[]::new));
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(TestFiles.read(out.resolve("mean.npy")).shape()).containsExactly(3, 2, 1);
    }
}
