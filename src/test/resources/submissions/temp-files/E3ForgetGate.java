package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** An honest submission that writes a scratch file in the temporary folder and its working folder and keeps them. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        java.nio.file.Files.createTempFile("lstmlab-scratch-", ".txt");
        java.nio.file.Files.writeString(java.nio.file.Path.of("lstmlab-scratch-here.txt"), "kept");
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
