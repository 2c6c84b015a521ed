package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hostile submission: fills the sandbox's own /tmp (in memory) with files below the size limit, until the
 * folder is full or 400 MB are written, and says how much it got in.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        byte[] block = new byte[4 << 20];
        int mb = 0;
        try {
            for (int k = 0; k < 100; k++) {
                Files.write(Path.of("/tmp/fill-" + k + ".bin"), block);
                mb += 4;
            }
        } catch (java.io.IOException full) {
            // the folder is full
        }
        throw new IllegalStateException("wrote " + mb + " MB into /tmp");
    }
}
