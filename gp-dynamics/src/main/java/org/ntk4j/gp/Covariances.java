package org.ntk4j.gp;

/** Assembles covariances so that they are exactly symmetric, whatever the round-off in their parts. */
final class Covariances {
    private Covariances() {
    }

    /**
     * {@code sym(prior) + w·(Z + Zᵀ)} for an m×m prior and Z, where sym(P) = (P + Pᵀ)/2. Each pair
     * (i, j), (j, i) is computed once and written twice, so the result is symmetric bit for bit.
     */
    static double[] priorPlusSymmetrised(double[] prior, double[] z, double w, int m) {
        double[] out = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double p = 0.5 * (prior[i * m + j] + prior[j * m + i]);
                double v = z == null ? p : p + w * (z[i * m + j] + z[j * m + i]);
                out[i * m + j] = v;
                out[j * m + i] = v;
            }
        }
        return out;
    }
}
