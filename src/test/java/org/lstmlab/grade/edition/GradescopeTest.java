package org.lstmlab.grade.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.run.GradingFixtures;

class GradescopeTest {

    @Test
    void theBundleRunsOfflineOnASimulatedAutograderTreeAndWritesAValidResultsJson(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("autograder.zip");
        List<String> jars = Gradescope.writeBundle(zip, GradingFixtures.COURSE);
        assertTrue(
                jars.containsAll(List.of("lstm-lab.jar", "lstm-lab-grading.jar"))
                        && jars.stream().anyMatch(j -> j.startsWith("nd4j-native")),
                jars.toString());

        Path root = tmp.resolve("autograder");
        List<String> entries = unzip(zip, root.resolve("source"));
        assertTrue(
                entries.containsAll(List.of(
                        "setup.sh",
                        "run_autograder",
                        "lib/lstm-lab.jar",
                        "lib/lstm-lab-grading.jar",
                        "lib/sandbox-classpath.txt")),
                entries.toString());
        assertTrue(
                entries.stream().noneMatch(e -> e.contains("test-classes") || e.contains("surefire")),
                entries.toString());
        String sandbox = Files.readString(root.resolve("source/lib/sandbox-classpath.txt"));
        assertTrue(
                sandbox.contains("nd4j-native")
                        && !sandbox.contains("junit")
                        && !sandbox.contains("gson")
                        && !sandbox.contains("lstm-lab"),
                "the sandbox may load ND4J only: " + sandbox);
        try (var grading = new java.util.zip.ZipFile(
                root.resolve("source/lib/lstm-lab-grading.jar").toFile())) {
            assertTrue(
                    grading.getEntry("org/lstmlab/exercises/E3ForgetGateTest.class") != null, "the exercise classes");
            assertTrue(
                    grading.getEntry("org/lstmlab/exercises/E7LstmStepHiddenTest.class") != null,
                    "the hidden tests, which a student edition leaves out");
            assertTrue(grading.stream().noneMatch(e -> e.getName().startsWith("org/lstmlab/grade/")), "nothing else");
        }
        GradingFixtures.submission(root.resolve("submission"), null);

        ProcessBuilder pb = new ProcessBuilder(
                        "bash", root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().put("AUTOGRADER_ROOT", root.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "run_autograder finishes");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log.txt")));

        var json = GradingFixtures.validResultsJson(root.resolve("results/results.json"));
        assertEquals(122.0, json.get("score").getAsDouble(), Files.readString(root.resolve("results/results.json")));
        assertEquals(122.0, json.get("max_score").getAsDouble());
    }

    @Test
    void setupInstallsAJdkAndRunAutograderHonoursTheConfigurableRoot() {
        assertTrue(Gradescope.SETUP.contains("apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless"));
        assertTrue(Gradescope.RUN.contains("ROOT=\"${AUTOGRADER_ROOT:-/autograder}\""));
    }

    /** LSTMLAB_LANG=vi ./lab gradescope: the bundle grades in Vietnamese, so results.json's hints are Vietnamese. */
    @Test
    void aBundleBuiltInVietnameseGradesInVietnamese() {
        assertTrue(Gradescope.run(java.util.Locale.forLanguageTag("vi")).contains(" -Dlstmlab.lang=vi "));
        assertTrue(Gradescope.run(java.util.Locale.ENGLISH).contains(" -Dlstmlab.lang=en "));
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream f = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(f)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
                Path t = into.resolve(e.getName());
                Files.createDirectories(t.getParent());
                Files.copy(in, t);
            }
        }
        return names;
    }
}
