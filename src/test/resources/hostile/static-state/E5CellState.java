package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hostile submission: static state that leaks between tests. The first call only primes a cache;
 * later calls would return the right answer. Graded in a fresh class loader per call, every call is
 * the first.
 */
public final class E5CellState {
    private static int calls;

    private E5CellState() {}

    public static INDArray cellState(INDArray f, INDArray i, INDArray cTilde, INDArray cPrev) {
        if (calls++ == 0) return cPrev.mul(0);
        return f.mul(cPrev).addi(i.mul(cTilde));
    }
}
