package org.ntk4j.cli.predict;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.ntk4j.gp.Gaussian;

/**
 * The pictures of {@code ntk4j predict} for 1-D inputs: mean ± 2σ of the first output column on
 * the test inputs at several training times, with the training data.
 */
public final class Pictures {
    /** The GP's first output column at one time, in the original order of the test inputs. */
    public record Curve(double time, double[] mean, double[] sd) {

        /** Mean column 0 and the square root of the covariance diagonal (negative round-off read as 0). */
        public static Curve of(double time, Gaussian g) {
            int m = g.mean().rows();
            double[] mean = new double[m];
            double[] sd = new double[m];
            for (int i = 0; i < m; i++) {
                mean[i] = g.mean().get(i, 0);
                sd[i] = Math.sqrt(Math.max(0, g.covariance().get(i, i)));
            }
            return new Curve(time, mean, sd);
        }
    }

    /** Frame delay in hundredths of a second; the last frame (t = ∞) stays longer before the loop restarts. */
    static final int FRAME_DELAY = 12;
    static final int LAST_FRAME_DELAY = 200;

    private final Integer[] order;
    private final double[] xTestSorted;
    private final double[] xTrain;
    private final double[] yTrain;
    private final String name;

    /**
     * @param xTest  test inputs (one number each)
     * @param xTrain training inputs
     * @param yTrain first output column of the targets
     * @param name   the architecture's name, for titles
     */
    public Pictures(double[] xTest, double[] xTrain, double[] yTrain, String name) {
        this.order = new Integer[xTest.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> xTest[i]));
        this.xTestSorted = new double[xTest.length];
        for (int i = 0; i < order.length; i++) {
            xTestSorted[i] = xTest[order[i]];
        }
        this.xTrain = xTrain.clone();
        this.yTrain = yTrain.clone();
        this.name = name;
    }

    /** One PNG with a band per time, one colour each. */
    public byte[] png(List<Curve> curves) {
        List<BandChart.Band> bands = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            bands.add(band(curves.get(i), BandChart.colour(i)));
        }
        BandChart chart = new BandChart(xTestSorted, xTrain, yTrain, BandChart.range(bands, yTrain));
        BufferedImage img = chart.render(name + ": network outputs after training for time t", bands);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An animated GIF, one frame per curve, on axes fixed over all frames. */
    public byte[] gif(List<Curve> curves) {
        List<BandChart.Band> bands = new ArrayList<>();
        for (Curve c : curves) {
            bands.add(band(c, BandChart.colour(0)));
        }
        BandChart chart = new BandChart(xTestSorted, xTrain, yTrain, BandChart.range(bands, yTrain));
        List<BufferedImage> frames = new ArrayList<>();
        int[] delays = new int[curves.size()];
        for (int i = 0; i < curves.size(); i++) {
            frames.add(chart.render(name + ": training time t = " + TrainingTimes.label(curves.get(i).time()),
                    List.of(bands.get(i))));
            delays[i] = i == curves.size() - 1 ? LAST_FRAME_DELAY : FRAME_DELAY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AnimatedGif.write(PaletteImage.of(frames), delays, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private BandChart.Band band(Curve c, Color colour) {
        double[] mean = new double[order.length];
        double[] sd = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            mean[i] = c.mean()[order[i]];
            sd[i] = c.sd()[order[i]];
        }
        return new BandChart.Band("t = " + TrainingTimes.label(c.time()), mean, sd, colour);
    }
}
