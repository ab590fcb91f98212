package org.ntk4j.gp.ensemble;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.finite.FiniteNetwork;

/**
 * Many finite-width twins of one architecture, each trained by full-batch gradient descent on the sum
 * loss ½ Σ (f(x_i) − y_i)², with their outputs on test points recorded at chosen step counts.
 */
final class TrainedEnsemble {

    /** Outputs {@code [checkpoint][member][test point]}. */
    record Outputs(double[][][] values) {

        /** Sample mean over members at one checkpoint and test point. */
        double mean(int checkpoint, int point) {
            double[][] v = values[checkpoint];
            double s = 0;
            for (double[] member : v) {
                s += member[point];
            }
            return s / v.length;
        }

        /** Unbiased sample variance over members. */
        double variance(int checkpoint, int point) {
            double[][] v = values[checkpoint];
            double m = mean(checkpoint, point);
            double s = 0;
            for (double[] member : v) {
                double d = member[point] - m;
                s += d * d;
            }
            return s / (v.length - 1);
        }

        /** Standard error of {@link #mean}: sample standard deviation / √members. */
        double meanStdErr(int checkpoint, int point) {
            return Math.sqrt(variance(checkpoint, point) / values[checkpoint].length);
        }

        /**
         * Standard error of {@link #variance} from the sample fourth central moment:
         * Var(s²) ≈ (m₄ − s⁴)/M, which does not assume the outputs are Gaussian.
         */
        double varianceStdErr(int checkpoint, int point) {
            double[][] v = values[checkpoint];
            double m = mean(checkpoint, point);
            double s2 = variance(checkpoint, point);
            double m4 = 0;
            for (double[] member : v) {
                double d = member[point] - m;
                m4 += d * d * d * d;
            }
            m4 /= v.length;
            return Math.sqrt(Math.max(0, m4 - s2 * s2) / v.length);
        }
    }

    private TrainedEnsemble() {
    }

    /**
     * Trains {@code members} twins (seeded from {@code seed}, in parallel) with step {@code step} and
     * records the test outputs after each number of steps in {@code checkpoints} (ascending; 0 = at
     * initialisation). Gradient flow time after k steps is k·step.
     */
    static Outputs train(Architecture a, Inputs train, double[] targets, Inputs test, int width, int members,
                         long seed, double step, int[] checkpoints) {
        Shape shape = train.shape1();
        Batch trainBatch = FiniteNetwork.batchOf(train);
        Batch testBatch = FiniteNetwork.batchOf(test);
        long[] seeds = new SplittableRandom(seed).longs(members).toArray();
        double[][][] perMember = IntStream.range(0, members).parallel()
                .mapToObj(m -> trainOne(a.finite(shape, width, seeds[m]), trainBatch, targets, testBatch, step, checkpoints))
                .toArray(double[][][]::new);
        double[][][] out = new double[checkpoints.length][members][];
        for (int m = 0; m < members; m++) {
            for (int c = 0; c < checkpoints.length; c++) {
                out[c][m] = perMember[m][c];
            }
        }
        return new Outputs(out);
    }

    /** Test outputs {@code [checkpoint][point]} of one twin. */
    private static double[][] trainOne(FiniteNetwork net, Batch train, double[] y, Batch test, double step,
                                       int[] checkpoints) {
        List<double[]> params = net.parameters();
        double[][] recorded = new double[checkpoints.length][];
        int next = 0;
        int last = checkpoints[checkpoints.length - 1];
        for (int k = 0; next < checkpoints.length; k++) {
            while (next < checkpoints.length && checkpoints[next] == k) {
                recorded[next++] = net.outputs(test);
            }
            if (k == last) {
                break;
            }
            // θ ← θ − step · Σ_i (f(x_i) − y_i) ∂f(x_i)/∂θ: one Euler step of dθ/dt = −∇L.
            FiniteNetwork.Evaluation e = net.evaluate(train);
            for (int i = 0; i < y.length; i++) {
                double r = step * (e.outputs()[i] - y[i]);
                List<double[]> g = e.gradients().get(i);
                for (int p = 0; p < params.size(); p++) {
                    double[] theta = params.get(p);
                    double[] gp = g.get(p);
                    for (int j = 0; j < theta.length; j++) {
                        theta[j] -= r * gp[j];
                    }
                }
            }
        }
        return recorded;
    }
}
