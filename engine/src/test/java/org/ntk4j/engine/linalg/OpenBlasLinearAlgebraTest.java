package org.ntk4j.engine.linalg;

/**
 * The linear-algebra contract on native OpenBLAS. The native jars for linux-x86_64 are build
 * dependencies, so failing to load them here is a failure, not a skip.
 */
class OpenBlasLinearAlgebraTest extends LinearAlgebraContractTest {
    private static final LinearAlgebra BACKEND = LinearAlgebras.select("native").backend();

    @Override
    protected LinearAlgebra backend() {
        return BACKEND;
    }
}
