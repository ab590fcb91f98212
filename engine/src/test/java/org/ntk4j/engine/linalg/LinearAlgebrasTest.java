package org.ntk4j.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ntk4j.api.SpecException;

class LinearAlgebrasTest {

    @Test
    void javaCanBeForcedAndSaysSo() {
        LinearAlgebras.Selection s = LinearAlgebras.select("java");
        assertThat(s.backend()).isInstanceOf(EjmlLinearAlgebra.class);
        assertThat(s.reason()).contains("EJML").contains("forced").doesNotContain("\n");
    }

    @Test
    void nativeLoadsOnThisPlatformAndDescribesItself() {
        LinearAlgebras.Selection s = LinearAlgebras.select(" Native ");
        assertThat(s.backend().name()).isEqualTo("openblas");
        assertThat(s.reason()).contains("OpenBLAS 0.3.28").contains("dsyevr").doesNotContain("\n");
    }

    @Test
    void autoPrefersNativeWhenItWorks() {
        LinearAlgebras.Selection s = LinearAlgebras.select("auto");
        assertThat(s.backend().name()).isEqualTo("openblas");
        assertThat(LinearAlgebras.best()).isNotNull();
        assertThat(LinearAlgebras.selection().reason()).isNotBlank();
    }

    @Test
    void anUnknownModeIsAUserError() {
        assertThatThrownBy(() -> LinearAlgebras.select("gpu"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("ntk4j.linalg")
                .hasMessageContaining("auto, java or native")
                .hasMessageContaining("'gpu'");
    }

    @Test
    void threadCountCanBeSet() {
        LinearAlgebras.select("native");
        OpenBlasLinearAlgebra.setThreads(1);
        assertThat(OpenBlasLinearAlgebra.threads()).isEqualTo(1);
        assertThat(LinearAlgebras.select("native").backend().toString()).contains("1 threads");
        OpenBlasLinearAlgebra.setThreads(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> OpenBlasLinearAlgebra.setThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
