package org.ntk4j.cli.predict;

import java.util.Locale;
import org.ntk4j.api.SpecException;

/** The training times of {@code --times}, and the time grid of an animation. */
public final class TrainingTimes {

    /** Frames of an animation: t = 0, then log-spaced finite times; t = ∞ is added as the last frame. */
    public static final int ANIMATION_FINITE_FRAMES = 40;

    private TrainingTimes() {
    }

    /**
     * Parses a comma-separated list of times ≥ 0; {@code inf} (also {@code infinity}, {@code ∞})
     * is the converged network.
     */
    public static double[] parse(String text, String place) {
        if (text == null || text.isBlank()) {
            throw new SpecException(place, "expected a comma-separated list of times (e.g. 0,1,10,inf), found nothing");
        }
        String[] parts = text.split(",", -1);
        double[] times = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            String lower = p.toLowerCase(Locale.ROOT);
            double t;
            if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity") || p.equals("∞")) {
                t = Double.POSITIVE_INFINITY;
            } else {
                try {
                    t = Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    throw new SpecException(place, "time " + (i + 1) + " is \"" + p
                            + "\"; expected a number >= 0 or inf");
                }
            }
            if (!(t >= 0)) {
                throw new SpecException(place, "time " + (i + 1) + " is " + p
                        + "; training times must be >= 0 (or inf)");
            }
            times[i] = t;
        }
        return times;
    }

    /**
     * The animation's times: 0, then {@code ANIMATION_FINITE_FRAMES − 1} log-spaced times from
     * {@code fastest / 10} (a tenth of the fastest mode's time scale, where the first changes show)
     * up to {@code last}, then ∞. If {@code fastest / 10 ≥ last} the grid starts at {@code last / 1000}.
     */
    public static double[] animationGrid(double fastest, double last) {
        double hi = last;
        double lo = fastest / 10;
        if (!(lo > 0) || !(lo < hi)) {
            lo = hi / 1000;
        }
        int n = ANIMATION_FINITE_FRAMES;
        double[] grid = new double[n + 1];
        grid[0] = 0;
        double ratio = Math.log(hi / lo);
        for (int i = 1; i < n; i++) {
            grid[i] = lo * Math.exp(ratio * (i - 1) / (n - 2));
        }
        grid[n - 1] = hi;
        grid[n] = Double.POSITIVE_INFINITY;
        return grid;
    }

    /** {@code 0}, {@code 12.5}, {@code 0.0031}, {@code 2.5e+04}, {@code ∞}: short labels for legends and titles. */
    public static String label(double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        if (t == 0) {
            return "0";
        }
        if (t >= 1e4 || t < 1e-3) {
            return String.format(Locale.ROOT, "%.2g", t);
        }
        String s = String.format(Locale.ROOT, "%.3g", t);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
