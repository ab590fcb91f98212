package org.ntk4j.cli;

import java.nio.file.Path;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.io.DataFiles;
import org.ntk4j.engine.io.Tensor;

/** Reads the CLI's data files into {@link Inputs}. */
final class CliInputs {

    private CliInputs() {
    }

    /** Inputs from a .npy/.csv file, with an optional mask file ({@code N × T}, 1 = present, 0 = absent). */
    static Inputs read(Path data, Path mask, String option) {
        Tensor t = DataFiles.readFinite(data);
        boolean[][] m = mask == null ? null : readMask(mask, t);
        return new Inputs(data.toString(), t.shape(), t.data(), m);
    }

    private static boolean[][] readMask(Path file, Tensor data) {
        Tensor t = DataFiles.read(file);
        String place = file.toString();
        if (t.rank() != 2) {
            throw new SpecException(place, "a mask must be N × T (2-D), found shape " + t.shapeString());
        }
        if (data.rank() != 3 || t.dim(0) != data.dim(0) || t.dim(1) != data.dim(1)) {
            throw new SpecException(place, "mask shape " + t.shapeString() + " does not match the data's N × T (data "
                    + data.shapeString() + ")");
        }
        boolean[][] m = new boolean[t.dim(0)][t.dim(1)];
        for (int i = 0; i < m.length; i++) {
            for (int s = 0; s < m[i].length; s++) {
                double v = t.get(i, s);
                if (v != 0 && v != 1) {
                    throw new SpecException(place, "value at [" + i + ", " + s + "] is " + v + "; a mask holds 1 (present) or 0 (absent)");
                }
                m[i][s] = v == 1;
            }
        }
        return m;
    }
}
