package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: reads the solutions and the hidden tests by their absolute paths in the course repository. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        String[] targets = {
            "@REPO@/src/hidden/java", "@REPO@/solutions/org/lstmlab/exercises/E3ForgetGate.java",
        };
        for (String t : targets) {
            if (Files.exists(Path.of(t))) {
                throw new IllegalStateException("read the course repository: " + t);
            }
        }
        return Files.readAllLines(Path.of(targets[1])).isEmpty() ? null : null; // NoSuchFileException
    }
}
