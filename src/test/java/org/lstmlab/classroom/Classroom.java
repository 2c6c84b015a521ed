package org.lstmlab.classroom;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lstmlab.kernel.KernelSpec;

/** A class's folders: a student's copy of the course, the kernelspec the hub's students get, the reference E3. */
final class Classroom {

    /**
     * One student's kernel, resident at its peak, through the course in quick mode (docs/instructors.md, "Memory per student":
     * about 350–360 MB measured, notebook 07 in full about 410 MB).
     */
    static final int KERNEL_BUDGET_MB = 450;

    /** The course files a student receives (the image copies the same into its home). */
    static final List<String> COURSE = List.of("notebooks", "exercises", "datasets", "lab");

    static final String E3 = "exercises/org/lstmlab/exercises/E3ForgetGate.java";

    private Classroom() {}

    /** A fresh folder under target/classroom. */
    static Path fresh(String name) throws IOException {
        Path dir = Containers.LOGS.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Copies the course (without solutions/) into a student's home. */
    static void copyCourse(Path home) throws IOException {
        for (String item : COURSE) {
            Path from = Path.of(item);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = home.resolve(p.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    /**
     * The lstm-lab kernelspec on this build (kernel jar, target/classes, the library's jars), in a Jupyter data
     * folder of its own.
     *
     * @return the folder to put on JUPYTER_PATH
     */
    static Path kernelspec(Path dir) throws Exception {
        Path kernelJar = Path.of(System.getProperty("lab.kernelJar", "target/lstm-lab-0.1.0-SNAPSHOT-kernel.jar"))
                .toAbsolutePath();
        Path classpathFile = Path.of(System.getProperty("lab.notebookClasspath", "target/notebook-classpath.txt"))
                .toAbsolutePath();
        if (!Files.isRegularFile(kernelJar) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("the classroom tests need " + kernelJar + " and " + classpathFile
                    + " from mvn package; run them with mvn verify (./lab test)");
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(Path.of("target/classes").toAbsolutePath().toString());
        classpath.add(Path.of("target/grading-classes").toAbsolutePath().toString()); // check("E3")'s exercise classes
        classpath.addAll(Arrays.asList(Files.readString(classpathFile).strip().split(File.pathSeparator)));
        Path data = dir.resolve("share/jupyter");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        KernelSpec.write(
                data.resolve("kernels").resolve(KernelSpec.NAME),
                java,
                Runtime.version().feature(),
                kernelJar.toString(),
                classpath);
        return data;
    }

    /** The reference E3 (solutions/), as a student who got it right saves it. */
    static String rightE3() throws IOException {
        return Files.readString(Path.of("solutions/org/lstmlab/exercises/E3ForgetGate.java"), StandardCharsets.UTF_8);
    }

    /** E3 with the mistake the grader diagnoses: tanh instead of σ. */
    static String tanhE3() throws IOException {
        String right = rightE3();
        String wrong = right.replace("Transforms.sigmoid(", "Transforms.tanh(");
        if (wrong.equals(right)) {
            throw new IllegalStateException("the reference E3 no longer calls Transforms.sigmoid(: update tanhE3()");
        }
        return wrong;
    }

    /**
     * The points check("E3") showed, as "8/8" or "0/8" in its table.
     *
     * @return the points, or -1 when the output shows none
     */
    static double pointsOfE3(String shown) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*8(?!\\d)").matcher(shown);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
