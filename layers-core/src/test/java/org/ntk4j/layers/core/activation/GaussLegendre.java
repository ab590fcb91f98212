package org.ntk4j.layers.core.activation;

/**
 * Gauss–Legendre nodes and weights on [−1, 1] (Newton's method on the Legendre recurrence),
 * and composite rules on an interval built from them. Test-only reference machinery.
 */
final class GaussLegendre {

    final double[] nodes;
    final double[] weights;

    GaussLegendre(int n) {
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0.0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1.0;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                // p1 = P_n(x), p0 = P_{n−1}(x)
                derivative = n * (x * p1 - p0) / (x * x - 1.0);
                double step = p1 / derivative;
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            nodes[i] = x;
            weights[i] = 2.0 / ((1.0 - x * x) * derivative * derivative);
        }
    }

    /** Nodes (row 0) and weights (row 1) of this rule repeated on {@code panels} equal panels of [a, b]. */
    double[][] composite(double a, double b, int panels) {
        int n = nodes.length;
        double[][] rule = new double[2][panels * n];
        double width = (b - a) / panels;
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * width;
            for (int i = 0; i < n; i++) {
                rule[0][p * n + i] = mid + 0.5 * width * nodes[i];
                rule[1][p * n + i] = 0.5 * width * weights[i];
            }
        }
        return rule;
    }
}
