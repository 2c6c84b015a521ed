package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hostile submission: files each below the size limit, written where the file check does not look (the job
 * folder above the working directory, JavaCPP's cache folder), far more than allowed together, then a right answer.
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        byte[] block = new byte[7 << 20];
        Path job = Path.of("").toAbsolutePath().getParent();
        for (int k = 0; k < 3; k++) {
            Files.write(job.resolve("part-" + k + ".bin"), block);
            Files.write(job.resolve("cache").resolve("part-" + k + ".bin"), block);
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
