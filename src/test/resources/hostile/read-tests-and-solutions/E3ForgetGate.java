package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: reading the tests, solutions or expected values from disk or via getResource. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) throws Exception {
        java.util.List<String> found = new java.util.ArrayList<>();
        ClassLoader loader = E3ForgetGate.class.getClassLoader();
        for (String r : new String[] {"org/lstmlab/exercises/E3ForgetGateTest.class", "org/lstmlab/grade/run/HostileSubmissionsTest.class",
                "solutions/org/lstmlab/exercises/E3ForgetGate.java", "org/lstmlab/grade/Expect.class", "hostile",
                "org/junit/jupiter/api/Assertions.class", "org/lstmlab/nn/LstmCell.class"}) {
            if (loader.getResource(r) != null) found.add("resource " + r);
        }
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        for (java.nio.file.Path p = here; p != null; p = p.getParent()) {
            for (String f : new String[] {"solutions", "src/test", "target/test-classes", "expected.json", "expected.bin"}) {
                if (java.nio.file.Files.exists(p.resolve(f))) found.add("file " + p.resolve(f));
            }
        }
        try (var files = java.nio.file.Files.list(here)) {
            files.forEach(f -> {
                try {
                    String text = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (text.contains("expected")) found.add("expected values in " + f);
                } catch (java.io.IOException ignored) {
                    // unreadable
                }
            });
        }
        throw new IllegalStateException("found nothing to copy from" + (found.isEmpty() ? "" : ": " + found));
    }
}
