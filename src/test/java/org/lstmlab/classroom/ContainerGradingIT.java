package org.lstmlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.run.GradingFixtures;

/**
 * {@code ./lab grade} where the machine has no namespace sandbox ({@code LSTMLAB_SANDBOX_NO_NAMESPACES=1}): the batch
 * is graded inside the course image (the one the other image tests build) with scores as elsewhere, a submission that
 * writes wherever it can find changes nothing outside the output folder, one that lists /proc sees no grader or
 * classmate (each child has a PID namespace of its own), what one detaches does not outlive grading, and the log and
 * each results.json name the container; with no container engine either ({@code LSTMLAB_SANDBOX_NO_CONTAINER=1}) it refuses.
 */
class ContainerGradingIT {

    private static String image;
    private static Path work;

    @BeforeAll
    static void theCourseImage() throws Exception {
        image = Containers.courseImage();
        work = Classroom.fresh("container-grading");
    }

    @Test
    void withoutNamespacesTheBatchIsGradedInTheCourseImageAndNothingOutsideTheOutputChanges() throws Exception {
        Path batch = Files.createDirectories(work.resolve("class"));
        Path out = work.resolve("grades");
        GradingFixtures.copyTree(Path.of("solutions"), batch.resolve("alice"));
        GradingFixtures.copyTree(Path.of("solutions"), batch.resolve("mallory"));
        GradingFixtures.copyTree(Path.of("solutions"), batch.resolve("eve"));
        Files.copy(
                Path.of("src/test/resources/hostile/lists-processes/E3ForgetGate.java"),
                batch.resolve("eve/org/lstmlab/exercises/E3ForgetGate.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        GradingFixtures.copyTree(Path.of("solutions"), batch.resolve("oscar"));
        Files.copy(
                Path.of("src/test/resources/hostile/detached-process/E3ForgetGate.java"),
                batch.resolve("oscar/org/lstmlab/exercises/E3ForgetGate.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path e3 = batch.resolve("mallory/org/lstmlab/exercises/E3ForgetGate.java");
        Files.writeString(
                e3,
                Files.readString(Path.of("src/test/resources/hostile/writes-everywhere/E3ForgetGate.java"))
                        .replace("@REPO@", Path.of("").toAbsolutePath().toString())
                        .replace("@SUBMISSIONS@", batch.toString())
                        .replace("@OUT@", out.toString()));
        Map<String, String> submissions = GradingFixtures.fingerprint(batch);
        Map<String, String> solutions = GradingFixtures.fingerprint(Path.of("solutions"));
        Map<String, String> hidden = GradingFixtures.fingerprint(Path.of("src/hidden"));

        long started = System.nanoTime();
        Containers.Result graded = Containers.run(
                List.of("./lab", "grade", batch.toString(), "--out", out.toString(), "--only", "E3,E5", "--seed", "7"),
                Map.of("LSTMLAB_SANDBOX_NO_NAMESPACES", "1", "LAB_IMAGE", image),
                Duration.ofMinutes(20),
                work.resolve("grade.log"));
        System.out.printf(
                "classroom: ./lab grade of 4 submissions (E3, E5) in the course image: %.0f s%n",
                (System.nanoTime() - started) / 1e9);
        String log = graded.output();
        assertEquals(0, graded.exitCode(), log);
        assertTrue(log.contains("isolation: container (podman, the course image " + image), log);
        assertTrue(
                log.contains("a user of its own per child, no capabilities, its own PID namespace and /proc"),
                "the grader inside says so too:\n" + log);
        // eve lists /proc and answers correctly only if she sees no one but herself: no grader, no classmate
        for (String student : List.of("alice", "mallory", "eve")) {
            JsonObject results = JsonParser.parseString(
                            Files.readString(out.resolve(student).resolve("results.json"), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            GradescopeContainerIT.validate(results);
            assertEquals(16.0, results.get("score").getAsDouble(), student + ": " + results);
            assertTrue(
                    results.getAsJsonObject("extra_data")
                            .get("isolation")
                            .getAsString()
                            .startsWith("isolation: container"),
                    student + ": " + results);
        }
        assertEquals(
                List.of(),
                ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .arguments()
                                .map(a -> List.of(a).contains("299.123"))
                                .orElse(false))
                        .map(ProcessHandle::pid)
                        .toList(),
                "oscar's detached process (setsid -f sleep 299.123) is gone after grading");
        assertEquals(submissions, GradingFixtures.fingerprint(batch), "the submissions are unchanged byte for byte");
        assertEquals(solutions, GradingFixtures.fingerprint(Path.of("solutions")), "solutions/ is unchanged");
        assertEquals(hidden, GradingFixtures.fingerprint(Path.of("src/hidden")), "the hidden tests are unchanged");
        for (Path place : List.of(Path.of("").toAbsolutePath(), work, out, Path.of(System.getProperty("user.home")))) {
            try (Stream<Path> walk = Files.walk(place, 3)) {
                assertEquals(
                        List.of(),
                        walk.filter(p -> p.getFileName().toString().startsWith("PWNED"))
                                .toList(),
                        "nothing written in " + place);
            }
        }
    }

    @Test
    void withNeitherNamespacesNorAContainerEngineGradingRefusesWithoutUnsandboxed() throws Exception {
        Path batch = Files.createDirectories(work.resolve("refused"));
        GradingFixtures.copyTree(Path.of("solutions"), batch.resolve("alice"));
        Path out = work.resolve("refused-grades");
        Containers.Result refused = Containers.run(
                List.of("./lab", "grade", batch.toString(), "--out", out.toString(), "--only", "E5"),
                Map.of("LSTMLAB_SANDBOX_NO_NAMESPACES", "1", "LSTMLAB_SANDBOX_NO_CONTAINER", "1", "LAB_IMAGE", image),
                Duration.ofMinutes(5),
                work.resolve("refused.log"));
        assertEquals(3, refused.exitCode(), refused.output());
        assertTrue(
                refused.output().contains("no container engine either")
                        && refused.output().contains("--unsandboxed"),
                refused.output());
        assertFalse(Files.exists(out.resolve("alice")), "nothing was graded");
    }
}
