package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: opening a socket (classic and NIO), with a right answer. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        try {
            new java.net.Socket("127.0.0.1", 9).close();
        } catch (Exception ignored) {
            // refused or blocked: try NIO as well
        }
        try {
            java.nio.channels.SocketChannel.open();
        } catch (Exception ignored) {
            // blocked
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
