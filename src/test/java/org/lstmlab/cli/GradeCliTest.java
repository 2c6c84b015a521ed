package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCliTest {
    private static final Path HOME = Path.of("").toAbsolutePath();

    private static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void gradingAFolderOfSubmissionsWritesResultsPerStudentAGradebookAndProgress(@TempDir Path tmp) throws Exception {
        Path batch = tmp.resolve("submissions");
        copy(HOME.resolve("solutions"), batch.resolve("alice"));
        copy(HOME.resolve("exercises"), batch.resolve("bob"));
        Path out = tmp.resolve("grades");
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int code = GradeCli.run(
                new ArrayList<>(
                        List.of("grade", batch.toString(), "--out", out.toString(), "--only", "E5", "--seed", "5")),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertEquals("student,E5,total\nalice,8,8\nbob,0,0\n", Files.readString(out.resolve("gradebook.csv")));
        assertTrue(Files.exists(out.resolve("alice/results.json")) && Files.exists(out.resolve("bob/results.json")));
        String progress = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("[1/2]") && progress.contains("[2/2]") && progress.contains("seed 5"), progress);
    }

    @Test
    void anUnknownCommandOrOptionIsRejected() {
        var out = new PrintStream(new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> GradeCli.run(List.of("frobnicate"), out, out));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> GradeCli.run(new ArrayList<>(List.of("grade", "x", "--colour")), out, out));
        assertEquals("unknown option --colour", e.getMessage());
    }
}
