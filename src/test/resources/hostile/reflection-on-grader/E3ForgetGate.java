package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: reflection on the grader and test classes. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String c : new String[] {"org.lstmlab.grade.run.Grader", "org.lstmlab.exercises.E3ForgetGateTest", "org.lstmlab.grade.author.Expect",
                "org.lstmlab.grade.run.HostileSubmissionsTest", "org.junit.jupiter.api.Assertions",
                "org.lstmlab.grade.sandbox.Sandbox"}) {
            try {
                Class<?> k = Class.forName(c);
                for (var f : k.getDeclaredFields()) {
                    f.setAccessible(true);
                    found.add(c + "." + f.getName());
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // not there
            }
        }
        throw new IllegalStateException("reflection found nothing of the grader" + (found.isEmpty() ? "" : ": " + found));
    }
}
