package org.ntk4j.layers.core.conv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ntk4j.api.Parameterization;
import org.ntk4j.layers.core.Dense;

/** batchNorm (fused with relu) against wide finite networks normalising real batches. */
class BatchNormConformanceTest {

    @Test
    void denseBatchNormReluDenseOnBatchesOfSevenAndFive() {
        double[][] x1 = BatchNormKernelTest.randomRows(7, 3, 21);
        double[][] x2 = BatchNormKernelTest.randomRows(5, 3, 22);
        Conformance.Report r = Conformance.check(List.of(
                        new Dense("layers[0]", 1.2, 0.3, 1024, Parameterization.NTK),
                        new BatchNorm("layers[1]", 0.05, ArcCosRelu.INSTANCE, 100_000, 1),
                        new Dense("layers[2]", 1.0, 0.1, 1024, Parameterization.NTK)),
                Parameterization.NTK, x1, x2, 512, 100, 5);
        System.out.println("dense + batchNorm(relu) + dense, batches 7 and 5: " + r);
        assertThat(r.nngpError()).isLessThan(0.05);
        assertThat(r.ntkError()).isLessThan(0.05);
    }
}
