package org.ntk4j.engine.linalg;

import java.util.OptionalInt;
import org.ntk4j.api.Ntk4jException;

/**
 * A Cholesky factorisation met a matrix that is not numerically positive definite. Callers that
 * know where the matrix came from (for example a training kernel) turn it into a user message.
 */
public class NotPositiveDefiniteException extends Ntk4jException {
    private final int size;
    private final int failedOrder;

    /**
     * @param failedOrder the order (1-based) of the first leading minor found not positive, or 0
     *     when the back-end does not report it
     */
    public NotPositiveDefiniteException(int size, int failedOrder) {
        super("the " + size + "x" + size + " matrix is not positive definite"
                + (failedOrder > 0 ? " (its leading minor of order " + failedOrder + " is not positive)" : ""));
        this.size = size;
        this.failedOrder = failedOrder;
    }

    public int size() {
        return size;
    }

    /** Order of the first leading minor found not positive, when the back-end reports it. */
    public OptionalInt failedOrder() {
        return failedOrder > 0 ? OptionalInt.of(failedOrder) : OptionalInt.empty();
    }
}
