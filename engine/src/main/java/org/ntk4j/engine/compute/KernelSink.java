package org.ntk4j.engine.compute;

/**
 * Receives computed kernel tiles; called from several threads at once, for disjoint tiles.
 * Arrays are row-major {@code rows × cols} and owned by the receiver after the call.
 */
public interface KernelSink {

    /** One tile at rows {@code [row0, row0+rows)}, columns {@code [col0, col0+cols)}; ntk is null if not asked. */
    void accept(int row0, int col0, int rows, int cols, double[] nngp, double[] ntk);
}
