package org.lstmlab.nn;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent layer as the training loop sees it: a sequence in, every hidden state out, and the
 * gradients of its parameters back. The readable cells and any faster implementation of the same
 * equations are interchangeable behind it.
 */
public interface RecurrentLayer {
    /** X. */
    int inputSize();

    /** H. */
    int hiddenSize();

    DataType dataType();

    /** The live parameter arrays by course symbol; an optimiser updates them in place. */
    Map<String, INDArray> parameters();

    /**
     * Runs the sequence from a zero initial state.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}
     */
    SequencePass run(INDArray xs);

    /**
     * Backpropagation through time.
     *
     * @param pass what {@link #run(INDArray)} returned
     * @param dHs  ∂L/∂h_t at every step, {@code [B, T, H]}
     * @return ∂L/∂θ with the same keys, order and shapes as {@link #parameters()}
     */
    Map<String, INDArray> parameterGradients(SequencePass pass, INDArray dHs);

    /** What a forward run leaves for the backward pass. */
    interface SequencePass {
        /** h_1 … h_T, {@code [B, T, H]}. */
        INDArray hs();

        /**
         * Says the caller is done with this pass and with every array it returned ({@link #hs()} included): a
         * layer may free their memory now, or reuse it for its next run, rather than leave it to some later
         * garbage collection, as the training loop does after each step. ND4J's arrays live outside the Java
         * heap, and memory the process has not touched yet costs a page fault per 4 KB when first written
         * (several milliseconds for an h_1 … h_T of the course size on a virtual machine). After it, the pass
         * and its arrays must not be used. The readable cells keep nothing large and do nothing here.
         */
        default void release() {}
    }
}
