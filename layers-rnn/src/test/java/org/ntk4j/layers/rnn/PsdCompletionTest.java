package org.ntk4j.layers.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsdCompletionTest {

    @Test
    void completesACrossBlockToAPositiveSemiDefiniteMatrix() {
        double[][] x = {{0.9, -0.3, 0.2}, {0.1, 0.5, -0.7}};
        double[][] left = PsdCompletion.leftBlock(x);
        double[][] right = PsdCompletion.rightBlock(x);
        // left² = X Xᵀ
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double sq = left[a][0] * left[0][b] + left[a][1] * left[1][b];
                double xx = 0;
                for (int k = 0; k < 3; k++) {
                    xx += x[a][k] * x[b][k];
                }
                assertThat(sq).isCloseTo(xx, within(1e-12));
            }
        }
        // The completed 5×5 matrix factors with no negative pivot.
        double[][] full = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                full[i][j] = i < 2 && j < 2 ? left[i][j] : i < 2 ? x[i][j - 2] : j < 2 ? x[j][i - 2] : right[i - 2][j - 2];
            }
        }
        IncrementalCholesky chol = new IncrementalCholesky(5);
        for (int v = 0; v < 5; v++) {
            double[] c = new double[v + 1];
            for (int u = 0; u <= v; u++) {
                c[u] = full[v][u];
            }
            double[] row = chol.append(c);
            double residual = c[v];
            for (int m = 0; m < v; m++) {
                residual -= row[m] * row[m];
            }
            assertThat(residual).isGreaterThan(-1e-12);
        }
    }
}
