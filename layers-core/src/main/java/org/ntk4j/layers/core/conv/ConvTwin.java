package org.ntk4j.layers.core.conv;

import java.util.List;
import java.util.SplittableRandom;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;
import org.ntk4j.layers.core.Gaussian;

/**
 * The finite twin of {@code conv}: one filter bank {@code W[out][tap][in]} and bias shared by all
 * output positions. Each output position multiplies the filter bank with the patch it reads (zeros
 * for pads), so forward and backward are small dense products per position.
 */
final class ConvTwin implements FiniteLayer {
    private final WindowGeometry g;
    private final int[] sources;
    private final int cin;
    private final int cout;
    private final int patch;
    private final double[] w;
    private final double[] b;
    private final double scaleW;
    private final double scaleB;
    private Batch input;

    ConvTwin(WindowGeometry g, int cin, int cout, double wStd, double bStd, Parameterization p, SplittableRandom rng) {
        this.g = g;
        this.sources = g.sourceTable();
        this.cin = cin;
        this.cout = cout;
        this.patch = g.taps() * cin;
        this.w = new double[cout * patch];
        this.b = new double[cout];
        boolean ntk = p == Parameterization.NTK;
        Gaussian.fill(w, ntk ? 1.0 : wStd / Math.sqrt(patch), rng);
        Gaussian.fill(b, ntk ? 1.0 : bStd, rng);
        this.scaleW = ntk ? wStd / Math.sqrt(patch) : 1.0;
        this.scaleB = ntk ? bStd : 1.0;
    }

    @Override
    public Batch forward(Batch x) {
        input = x;
        int outP = g.outPositions();
        Batch y = Batch.zeros(x.size(), g.outSpatial(), cout, null);
        double[] buf = new double[patch];
        for (int n = 0; n < x.size(); n++) {
            double[] xr = x.data()[n];
            double[] yr = y.data()[n];
            for (int op = 0; op < outP; op++) {
                gather(xr, op, buf);
                int yo = op * cout;
                for (int o = 0; o < cout; o++) {
                    yr[yo + o] = scaleW * dot(w, o * patch, buf, patch) + scaleB * b[o];
                }
            }
        }
        return y;
    }

    @Override
    public Batch backward(Batch gy, Gradients gradients) {
        int outP = g.outPositions();
        double[] gw = new double[w.length];
        double[] gb = new double[b.length];
        Batch gx = Batch.zeros(gy.size(), g.inSpatial(), cin, input.mask());
        double[] buf = new double[patch];
        double[] gpatch = new double[patch];
        for (int n = 0; n < gy.size(); n++) {
            double[] gr = gy.data()[n];
            double[] xr = input.data()[n];
            double[] gxr = gx.data()[n];
            for (int op = 0; op < outP; op++) {
                gather(xr, op, buf);
                java.util.Arrays.fill(gpatch, 0.0);
                boolean any = false;
                for (int o = 0; o < cout; o++) {
                    double v = gr[op * cout + o];
                    if (v == 0) {
                        continue;
                    }
                    any = true;
                    gb[o] += scaleB * v;
                    double sv = scaleW * v;
                    int wo = o * patch;
                    for (int k = 0; k < patch; k++) {
                        gw[wo + k] += sv * buf[k];
                        gpatch[k] += sv * w[wo + k];
                    }
                }
                if (any) {
                    scatter(gpatch, op, gxr);
                }
            }
        }
        gradients.add(gw);
        gradients.add(gb);
        return gx;
    }

    /** The patch output position {@code op} reads: taps × input channels, zeros for pads. */
    private void gather(double[] x, int op, double[] buf) {
        int taps = g.taps();
        for (int t = 0; t < taps; t++) {
            int src = sources[op * taps + t];
            if (src < 0) {
                java.util.Arrays.fill(buf, t * cin, (t + 1) * cin, 0.0);
            } else {
                System.arraycopy(x, src * cin, buf, t * cin, cin);
            }
        }
    }

    private void scatter(double[] gpatch, int op, double[] gx) {
        int taps = g.taps();
        for (int t = 0; t < taps; t++) {
            int src = sources[op * taps + t];
            if (src >= 0) {
                int base = src * cin;
                for (int c = 0; c < cin; c++) {
                    gx[base + c] += gpatch[t * cin + c];
                }
            }
        }
    }

    private static double dot(double[] a, int ao, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[ao + k] * b[k];
            s1 += a[ao + k + 1] * b[k + 1];
            s2 += a[ao + k + 2] * b[k + 2];
            s3 += a[ao + k + 3] * b[k + 3];
        }
        for (; k < n; k++) {
            s0 += a[ao + k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public Shape output() {
        return new Shape(g.outSpatial(), cout);
    }

    @Override
    public List<double[]> parameters() {
        return List.of(w, b);
    }
}
