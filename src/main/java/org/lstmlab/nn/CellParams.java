package org.lstmlab.nn;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every parameter record of a readable cell tells about itself, and how gradients of it are summed. A file of
 * its own, not a member of {@link ReadableCell}, so the records the grading child loads do not bring the cells
 * (and {@link RecurrentLayer}) with them (SandboxTest).
 *
 * @param <P> the record itself
 */
interface CellParams<P> {
    /** X. */
    int inputSize();

    /** H. */
    int hiddenSize();

    DataType dataType();

    /** The arrays by their course symbols, in the order of the equations. */
    Map<String, INDArray> named();

    /** Zeros of the same shapes and type, for accumulating gradients. */
    P zerosLike();

    /** Adds {@code other} into these arrays in place. */
    P addi(P other);
}
