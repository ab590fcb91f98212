package org.ntk4j.engine.compute;

/** The NNGP and NTK of x1 against x2 in memory, row-major {@code n1 × n2}; ntk may be null. */
public record KernelMatrices(int n1, int n2, double[] nngp, double[] ntk) {

    public double nngp(int i, int j) {
        return nngp[i * n2 + j];
    }

    public double ntk(int i, int j) {
        return ntk[i * n2 + j];
    }

    public double[][] nngp2d() {
        return to2d(nngp);
    }

    public double[][] ntk2d() {
        return ntk == null ? null : to2d(ntk);
    }

    private double[][] to2d(double[] a) {
        double[][] m = new double[n1][n2];
        for (int i = 0; i < n1; i++) {
            System.arraycopy(a, i * n2, m[i], 0, n2);
        }
        return m;
    }

    /** A sink that fills an in-memory pair of matrices. */
    public static final class Collector implements KernelSink {
        private final int n1;
        private final int n2;
        private final double[] nngp;
        private final double[] ntk;

        public Collector(int n1, int n2, boolean withNtk) {
            this.n1 = n1;
            this.n2 = n2;
            long size = (long) n1 * n2;
            if (size > Integer.MAX_VALUE - 16) {
                throw new org.ntk4j.api.SpecException("inputs", n1 + " × " + n2
                        + " entries do not fit in one Java array; write the kernels to .npy files (the CLI streams them)");
            }
            this.nngp = new double[(int) size];
            this.ntk = withNtk ? new double[(int) size] : null;
        }

        @Override
        public void accept(int row0, int col0, int rows, int cols, double[] tileNngp, double[] tileNtk) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(tileNngp, r * cols, nngp, (row0 + r) * n2 + col0, cols);
                if (ntk != null) {
                    System.arraycopy(tileNtk, r * cols, ntk, (row0 + r) * n2 + col0, cols);
                }
            }
        }

        public KernelMatrices result() {
            return new KernelMatrices(n1, n2, nngp, ntk);
        }
    }
}
