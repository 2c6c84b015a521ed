package org.lstmlab.grade.sandbox.child;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: the exercise declared in the grader's own package, with a class that shadows its entry point. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return hPrev;
    }
}

final class ChildMain {
    public static void main(String[] args) {
        System.out.println("all tests pass");
    }
}
