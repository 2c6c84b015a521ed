package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hostile submission: writes files below the size limit as fast as it can (up to 1 GB here; a real one would go on
 * for the whole call), then waits out most of the call before it answers right.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        byte[] block = new byte[7 << 20];
        for (int k = 0; k < 150; k++) {
            Files.write(Path.of("fill-" + k + ".bin"), block);
        }
        Thread.sleep(3_000);
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
