package org.lstmlab.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GRU run over a whole sequence: every step's cache and the stacked hidden states.
 *
 * @param steps one cache per time step, t = 0 … T-1
 * @param hs    h_1 … h_T stacked, {@code [B, T, H]}
 */
public record GruSequence(List<GruStep> steps, INDArray hs) implements RecurrentLayer.SequencePass {
    /** T. */
    public int length() {
        return steps.size();
    }

    /** The last hidden state h_T, {@code [B, H]}. */
    public INDArray lastH() {
        return steps.get(steps.size() - 1).h();
    }
}
