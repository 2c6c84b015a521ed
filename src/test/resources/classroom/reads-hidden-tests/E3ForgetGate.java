package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A hostile E3 for Gradescope's container: reads the hidden tests' class files and writes results.json. It answers
 * correctly only when every attempt failed, so its full marks show that the autograder's files were out of reach.
 */
public final class E3ForgetGate {
    private E3ForgetGate() {}

    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        List<String> succeeded = new ArrayList<>();
        try {
            byte[] tests = Files.readAllBytes(Path.of("/autograder/source/lib/lstm-lab-grading.jar"));
            succeeded.add("read the hidden tests' jar (" + tests.length + " bytes)");
        } catch (Exception blocked) {
            // as it should be
        }
        try {
            succeeded.add("listed /autograder/source: " + Files.list(Path.of("/autograder/source")).count());
        } catch (Exception blocked) {
            // as it should be
        }
        try {
            Files.writeString(Path.of("/autograder/results/results.json"), "{\"score\": 100, \"tests\": []}");
            succeeded.add("wrote results.json");
        } catch (Exception blocked) {
            // as it should be
        }
        if (!succeeded.isEmpty()) {
            throw new IllegalStateException("reached the autograder's files: " + succeeded);
        }
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
