package org.lstmlab.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sequences of the adding problem with their targets and where their marks are.
 *
 * @param xs           inputs, {@code [B, L, 2]}: the value at {@code [b, t, 0]}, the marker at {@code [b, t, 1]}
 * @param ys           targets, {@code [B, 1]}
 * @param firstMarker  for each sequence, the position of the pair whose value is X1
 * @param secondMarker for each sequence, the position of the pair whose value is X2
 * @param variant      the rules they were drawn by
 */
public record AddingBatch(
        INDArray xs, INDArray ys, int[] firstMarker, int[] secondMarker, AddingProblem.Variant variant) {

    /** B. */
    public int size() {
        return (int) xs.size(0);
    }

    /** L, the length of these sequences. */
    public int length() {
        return (int) xs.size(1);
    }

    /**
     * The mean squared error of the best constant prediction, the mean of the targets: their
     * variance {@code (1/B)·Σ (y − ȳ)²}. A model must get well below it to have learnt anything
     * about the marked values.
     */
    public double constantBaselineMse() {
        INDArray centred = ys.sub(ys.meanNumber());
        return centred.mul(centred).meanNumber().doubleValue();
    }

    /** The inputs and targets, for the training loop. */
    public Batch asBatch() {
        return new Batch(xs, ys);
    }
}
