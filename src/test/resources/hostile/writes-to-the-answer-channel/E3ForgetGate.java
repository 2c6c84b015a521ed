package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hostile submission: a forged answer frame written straight to the JVM's standard output, where the
 * grader reads answers, then a thread left running (which a forged "returned" frame would hide).
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        INDArray f = Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
        var raw = new java.io.DataOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        raw.writeInt(0x4C53544D); // the frame's magic, without the session's secret
        raw.writeLong(0);
        raw.writeByte('O');
        raw.flush();
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ignored) {
                    // keep running
                }
            }
        }, "hidden");
        t.setDaemon(true);
        t.start();
        return f;
    }
}
