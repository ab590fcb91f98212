package org.ntk4j.cli.predict;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A chart of 1-D regression bands drawn with Java2D: for each band the mean as a line and
 * mean ± 2σ as a translucent area over the sorted test inputs, the training points as dots, a
 * legend and labelled axes. Plain Java2D rather than a charting library: the picture is simple and
 * the distribution stays free of a dependency with its own transitive ones.
 */
public final class BandChart {
    /** One curve: mean and standard deviation at each test input (in the chart's sorted order). */
    public record Band(String label, double[] mean, double[] sd, Color color) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 180;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    /** Distinct colours (the "tab10" palette) for the first ten times; further ones cycle the hue. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private final double[] xTest;
    private final double[] xTrain;
    private final double[] yTrain;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    /**
     * @param xTest  test inputs in increasing order (bands are given in this order)
     * @param yRange {lowest, highest} value to show; the caller takes it over all frames so that an
     *               animation keeps its axes
     */
    public BandChart(double[] xTest, double[] xTrain, double[] yTrain, double[] yRange) {
        this.xTest = xTest.clone();
        this.xTrain = xTrain.clone();
        this.yTrain = yTrain.clone();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] xs : new double[][]{xTest, xTrain}) {
            for (double x : xs) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double pad = hi > lo ? 0.03 * (hi - lo) : 1;
        this.xMin = lo - pad;
        this.xMax = hi + pad;
        double yPad = yRange[1] > yRange[0] ? 0.05 * (yRange[1] - yRange[0]) : 1;
        this.yMin = yRange[0] - yPad;
        this.yMax = yRange[1] + yPad;
    }

    public static Color colour(int index) {
        if (index < PALETTE.length) {
            return PALETTE[index];
        }
        return Color.getHSBColor((float) ((index * 0.61803398875) % 1.0), 0.75f, 0.8f);
    }

    /** {lowest, highest} of mean ± 2σ over all bands and of the training targets. */
    public static double[] range(List<Band> bands, double[] yTrain) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Band b : bands) {
            for (int i = 0; i < b.mean().length; i++) {
                lo = Math.min(lo, b.mean()[i] - 2 * b.sd()[i]);
                hi = Math.max(hi, b.mean()[i] + 2 * b.sd()[i]);
            }
        }
        for (double y : yTrain) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return new double[]{lo, hi};
    }

    public BufferedImage render(String title, List<Band> bands) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Pure strokes: the default normalisation snaps nearly flat lines to pixel rows (visible stair steps).
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            drawAxes(g);
            java.awt.Shape clip = g.getClip();
            g.clipRect(LEFT, TOP, plotWidth() + 1, plotHeight() + 1);
            for (Band b : bands) {
                drawArea(g, b);
            }
            for (Band b : bands) {
                drawMean(g, b);
            }
            drawTrainingPoints(g);
            g.setClip(clip);
            drawLegend(g, bands);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, LEFT + (plotWidth() - fm.stringWidth(title)) / 2, TOP - 18);
        } finally {
            g.dispose();
        }
        return img;
    }

    private int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    private double py(double y) {
        return TOP + (yMax - y) / (yMax - yMin) * plotHeight();
    }

    private void drawArea(Graphics2D g, Band b) {
        Path2D.Double area = new Path2D.Double();
        int n = xTest.length;
        for (int i = 0; i < n; i++) {
            double y = py(b.mean()[i] + 2 * b.sd()[i]);
            if (i == 0) {
                area.moveTo(px(xTest[i]), y);
            } else {
                area.lineTo(px(xTest[i]), y);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            area.lineTo(px(xTest[i]), py(b.mean()[i] - 2 * b.sd()[i]));
        }
        area.closePath();
        Color c = b.color();
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 45));
        g.fill(area);
    }

    private void drawMean(Graphics2D g, Band b) {
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < xTest.length; i++) {
            if (i == 0) {
                line.moveTo(px(xTest[i]), py(b.mean()[i]));
            } else {
                line.lineTo(px(xTest[i]), py(b.mean()[i]));
            }
        }
        g.setColor(b.color());
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
    }

    private void drawTrainingPoints(Graphics2D g) {
        double r = 4.5;
        for (int i = 0; i < xTrain.length; i++) {
            Ellipse2D.Double dot = new Ellipse2D.Double(px(xTrain[i]) - r, py(yTrain[i]) - r, 2 * r, 2 * r);
            g.setColor(Color.BLACK);
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.draw(dot);
        }
    }

    private void drawAxes(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double t : ticks(xMin, xMax)) {
            int x = (int) Math.round(px(t));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(x, TOP, x, TOP + plotHeight());
            g.setColor(Color.DARK_GRAY);
            String s = tickLabel(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, TOP + plotHeight() + 18);
        }
        for (double t : ticks(yMin, yMax)) {
            int y = (int) Math.round(py(t));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(LEFT, y, LEFT + plotWidth(), y);
            g.setColor(Color.DARK_GRAY);
            String s = tickLabel(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotWidth(), plotHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        fm = g.getFontMetrics();
        String xl = "input x";
        g.drawString(xl, LEFT + (plotWidth() - fm.stringWidth(xl)) / 2, HEIGHT - 18);
        String yl = "network output f(x)";
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yl, -(TOP + (plotHeight() + fm.stringWidth(yl)) / 2), 24);
        g.setTransform(saved);
    }

    private void drawLegend(Graphics2D g, List<Band> bands) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int x = LEFT + plotWidth() + 16;
        int y = TOP + 8;
        g.setColor(Color.BLACK);
        g.drawString("training time", x, y + fm.getAscent());
        y += 22;
        for (Band b : bands) {
            Color c = b.color();
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 45));
            g.fillRect(x, y, 28, 14);
            g.setColor(c);
            g.setStroke(new BasicStroke(2.2f));
            g.drawLine(x, y + 7, x + 28, y + 7);
            g.setColor(Color.BLACK);
            g.drawString(b.label(), x + 36, y + 7 + fm.getAscent() / 2 - 1);
            y += 20;
        }
        y += 6;
        g.fill(new Ellipse2D.Double(x + 10, y + 2.5, 9, 9));
        g.drawString("training data", x + 36, y + 7 + fm.getAscent() / 2 - 1);
        y += 20;
        g.setColor(Color.DARK_GRAY);
        g.drawString("line: mean", x, y + fm.getAscent());
        g.drawString("band: mean ± 2σ", x, y + 18 + fm.getAscent());
    }

    /** About six round tick values in [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.ceil(lo / step) * step;
        int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, count)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }

    private static String tickLabel(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
