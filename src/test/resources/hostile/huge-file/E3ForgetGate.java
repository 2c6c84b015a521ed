package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: one file larger than the grader allows, written in the temporary folder, then a right answer. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        var file = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "huge.bin");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            byte[] block = new byte[1 << 20];
            for (int k = 0; k < 32; k++) {
                out.write(block);
            }
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
