package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hostile submission: throws an exception whose getMessage() calls itself without end, whose cause is itself
 * through another exception (a cycle), and whose stack trace has 100 000 frames.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        Looping a = new Looping();
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        StackTraceElement[] frames = new StackTraceElement[100_000];
        java.util.Arrays.fill(frames, new StackTraceElement("Deep", "deeper", "Deep.java", 1));
        a.setStackTrace(frames);
        throw a;
    }

    static final class Looping extends RuntimeException {
        @Override
        public String getMessage() {
            return getMessage() + "!";
        }
    }
}
