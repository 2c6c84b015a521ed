package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Not hostile: right answers from a call that writes and reads a small file with java.nio in its temporary folder,
 * whose first file channel makes the JVM keep a socket of its own (not the student's).
 */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        Path note = Path.of(System.getProperty("java.io.tmpdir")).resolve("e3-note.txt");
        Files.writeString(note, "f_t");
        if (!Files.readString(note).equals("f_t")) {
            throw new IllegalStateException("the note changed");
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
