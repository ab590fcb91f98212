package org.ntk4j.engine.linalg;

/** The linear-algebra contract on the pure-Java EJML back-end. */
class EjmlLinearAlgebraTest extends LinearAlgebraContractTest {
    private static final LinearAlgebra BACKEND = new EjmlLinearAlgebra();

    @Override
    protected LinearAlgebra backend() {
        return BACKEND;
    }
}
