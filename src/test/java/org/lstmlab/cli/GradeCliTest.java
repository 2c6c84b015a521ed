package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.run.GradingFixtures;

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
    void aFolderAndAZipWhoseNamesCleanUpTheSameWayGetAGradebookRowAndAReportEach(@TempDir Path tmp) throws Exception {
        Path batch = tmp.resolve("submissions");
        copy(HOME.resolve("solutions"), batch.resolve("a"));
        Path starter = HOME.resolve("exercises/org/lstmlab/exercises/E5CellState.java");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(batch.resolve("a.zip")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("org/lstmlab/exercises/E5CellState.java"));
            zip.write(Files.readAllBytes(starter));
            zip.closeEntry();
        }
        Path out = tmp.resolve("grades");
        var stderr = new ByteArrayOutputStream();
        int code = GradeCli.run(
                new ArrayList<>(
                        List.of("grade", batch.toString(), "--out", out.toString(), "--only", "E5", "--seed", "5")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        assertEquals("student,E5,total\na,8,8\na.zip,0,0\n", Files.readString(out.resolve("gradebook.csv")));
        assertTrue(Files.exists(out.resolve("a/results.json")), "the folder's report");
        try (var reports = Files.walk(out)) {
            assertEquals(
                    2,
                    reports.filter(p -> p.getFileName().toString().equals("results.json"))
                            .count(),
                    "two reports, neither written over the other");
        }
    }

    @Test
    void hostileFolderAndZipNamesAreGradedUnderSafeNamesWithACleanConsoleAndAValidGradebook(@TempDir Path tmp)
            throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("submissions"));
        List<String> names = List.of(
                "-rf",
                "bob\nEvil,\"=1+1\"",
                "\u001b[2J\u001b]52;c;cHduZWQ=\u0007carol",
                "é".repeat(120),
                "Nguyễn Văn 🦀 \u202eevil",
                "..");
        for (String n : names) {
            copy(HOME.resolve("solutions"), batch.resolve(n.equals("..") ? "dots" : n));
        }
        zip(batch.resolve("dots"), batch.resolve("...zip")); // a zip whose student is ".."
        deleteTree(batch.resolve("dots"));
        // a name that is not UTF-8 at all (byte 0xFF), made by the shell: Java cannot name it
        String dave = "\"$(printf 'dave\\377')\"";
        Process mkdir = new ProcessBuilder(
                        "/bin/sh",
                        "-c",
                        "mkdir " + dave + " && cp -R \"$0\"/. " + dave,
                        HOME.resolve("solutions").toString())
                .directory(batch.toFile())
                .start();
        assertEquals(0, mkdir.waitFor());
        Path out = tmp.resolve("grades");
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int code = grade(
                List.of(batch.toString(), "--out", out.toString(), "--only", "E5", "--no-similarity"), stdout, stderr);
        String console = stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, console);
        assertFalse(
                console.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r'),
                "no control character reached the console:\n" + console);
        assertFalse(console.contains("\u202e"), "no reordering character reached the console");
        try (var top = Files.list(tmp)) {
            assertEquals(
                    List.of("grades", "submissions"),
                    top.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing written beside --out");
        }
        List<String> folders;
        try (var listed = Files.list(out)) {
            folders = listed.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertTrue(folders.size() >= names.size() + 1, "a folder per student: " + folders);
        for (String f : folders) {
            assertTrue(f.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}"), "a safe folder name: " + f);
            assertTrue(Files.isRegularFile(out.resolve(f).resolve("results.json")), f);
        }
        byte[] csv = Files.readAllBytes(out.resolve("gradebook.csv"));
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(csv))
                .toString(); // throws on bytes that are not UTF-8
        assertFalse(text.chars().anyMatch(c -> c == 0x1b), text);
        assertTrue(text.contains("\n'-rf,8,8\n"), "a name a spreadsheet would run as a formula is quoted: " + text);
        for (String f : List.of("_-rf", "_..")) {
            assertTrue(folders.stream().anyMatch(x -> x.startsWith(f)), f + " in " + folders);
        }
        assertEquals(folders.size() + 1, text.strip().lines().count() - countQuotedLineBreaks(text), text);
        for (String f : folders) { // even the name that is not UTF-8: Java reads it with U+FFFD and opens it again
            String json = Files.readString(out.resolve(f).resolve("results.json"));
            assertEquals(
                    8.0,
                    com.google.gson.JsonParser.parseString(json)
                            .getAsJsonObject()
                            .get("score")
                            .getAsDouble(),
                    f + ": " + json);
        }
    }

    /** Line breaks inside quoted CSV cells, which do not start a row. */
    private static long countQuotedLineBreaks(String csv) {
        long n = 0;
        boolean quoted = false;
        for (char c : csv.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && quoted) n++;
        }
        return n;
    }

    private static void zip(Path folder, Path zip) throws Exception {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                var walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(folder.relativize(p).toString()));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
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

    @Test
    void aSubmissionTimeThatIsNotAWholePositiveNumberOfSecondsIsRefusedWithTheExpectedForm() {
        var out = new PrintStream(new ByteArrayOutputStream());
        for (String bad : List.of("0", "-5", "2.5", "ten", "")) {
            var e = assertThrows(
                    IllegalArgumentException.class,
                    () -> GradeCli.run(new ArrayList<>(List.of("grade", "x", "--submission-time", bad)), out, out));
            assertEquals(
                    "--submission-time takes the seconds one submission's exercises may take in all, a whole number from 1 to"
                            + " 86400 (default 300), but is \"" + bad + "\"",
                    e.getMessage());
        }
    }

    private static int grade(List<String> args, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr)
            throws Exception {
        List<String> all = new ArrayList<>(List.of("grade"));
        all.addAll(args);
        return GradeCli.run(
                all,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutNamespacesGradingRefusesNamingTheRiskAndTheOptionThatGradesAnyway(@TempDir Path tmp) throws Exception {
        copy(HOME.resolve("solutions"), tmp.resolve("alice"));
        Path out = tmp.resolve("grades");
        System.setProperty("lstmlab.sandbox.noNamespaces", "1");
        System.setProperty("lstmlab.sandbox.noContainer", "1");
        try {
            var stderr = new ByteArrayOutputStream();
            int code = grade(
                    List.of(tmp.resolve("alice").toString(), "--out", out.toString(), "--only", "E5"),
                    new ByteArrayOutputStream(),
                    stderr);
            String said = stderr.toString(StandardCharsets.UTF_8);
            assertEquals(3, code, said);
            assertTrue(
                    said.contains("no sandbox to grade in (namespaces made unavailable")
                            && said.contains("no container engine either")
                            && said.contains("--unsandboxed"),
                    said);
            assertFalse(Files.exists(out), "nothing was graded");

            stderr.reset();
            code = grade(
                    List.of(tmp.resolve("alice").toString(), "--out", out.toString(), "--only", "E5", "--unsandboxed"),
                    new ByteArrayOutputStream(),
                    stderr);
            said = stderr.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, said);
            assertTrue(said.contains("isolation: none (--unsandboxed)"), "the log says which isolation: " + said);
            assertTrue(Files.exists(out.resolve("alice/results.json")));
        } finally {
            System.clearProperty("lstmlab.sandbox.noNamespaces");
            System.clearProperty("lstmlab.sandbox.noContainer");
        }
    }

    @Test
    void resumeGradesOnlyTheStudentsWithoutACompleteReportAndTheGradebookHoldsEveryone(@TempDir Path tmp)
            throws Exception {
        Path batch = tmp.resolve("submissions");
        copy(HOME.resolve("solutions"), batch.resolve("alice"));
        copy(HOME.resolve("exercises"), batch.resolve("bob"));
        copy(HOME.resolve("solutions"), batch.resolve("carol"));
        Path out = tmp.resolve("grades");
        // a batch cut short: alice graded, bob's report half-written, carol not reached
        Files.createDirectories(out.resolve("alice"));
        Files.writeString(
                out.resolve("alice/results.json"),
                "{\"score\": 8, \"max_score\": 8, \"execution_time\": 1, \"tests\": [{\"name\": \"E5 cell-state"
                        + " update: fixed case\", \"number\": \"5.1\", \"score\": 8, \"max_score\": 8,"
                        + " \"output\": \"passed\", \"visibility\": \"visible\"}]}");
        Files.createDirectories(out.resolve("bob"));
        Files.writeString(out.resolve("bob/results.json"), "{\"score\": 0, \"tes");
        // dave's report is complete, but of an earlier run of E3 alone (or another assignment in the same --out)
        copy(HOME.resolve("solutions"), batch.resolve("dave"));
        Files.createDirectories(out.resolve("dave"));
        Files.writeString(
                out.resolve("dave/results.json"),
                "{\"score\": 8, \"max_score\": 8, \"execution_time\": 1, \"tests\": [{\"name\": \"E3 forget gate:"
                        + " fixed case\", \"number\": \"3.1\", \"score\": 8, \"max_score\": 8,"
                        + " \"output\": \"passed\", \"visibility\": \"visible\"}]}");
        var stderr = new ByteArrayOutputStream();
        int code = grade(
                List.of(batch.toString(), "--out", out.toString(), "--only", "E5", "--seed", "5", "--resume"),
                new ByteArrayOutputStream(),
                stderr);
        String said = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, said);
        assertTrue(said.contains("grading 3 submission(s) (1 already graded: --resume)"), said);
        assertTrue(said.contains("[3/3]") && !said.contains("alice"), "alice is not graded again: " + said);
        assertTrue(
                said.contains("lab: dave: dave/results.json grades [E3], not [E5] as now (an earlier run's --only, or"
                        + " another assignment's --out?): graded again"),
                said);
        assertEquals(
                "student,E5,total\nalice,8,8\nbob,0,0\ncarol,8,8\ndave,8,8\n",
                Files.readString(out.resolve("gradebook.csv")));
    }

    /**
     * An output folder inside the class's folder (or the class's folder itself, or one that holds it) would put the
     * reports among the students' work — overwriting a student's own results.json — and make the batch's files
     * students of the next run: refused before anything is graded or written.
     */
    @Test
    void anOutputFolderInsideOrAroundTheFolderBeingGradedIsRefusedAndNothingIsWritten(@TempDir Path tmp)
            throws Exception {
        Path batch = tmp.resolve("submissions");
        copy(HOME.resolve("solutions"), batch.resolve("alice"));
        Files.writeString(batch.resolve("alice/results.json"), "alice's own file");
        Files.createSymbolicLink(tmp.resolve("link"), batch);
        Map<String, String> before = GradingFixtures.fingerprint(tmp);
        for (Path out : List.of(batch, batch.resolve("grades"), tmp.resolve("link/grades"), tmp)) {
            var e = assertThrows(
                    IllegalArgumentException.class,
                    () -> grade(
                            List.of(batch.toString(), "--out", out.toString(), "--only", "E5"),
                            new ByteArrayOutputStream(),
                            new ByteArrayOutputStream()));
            assertTrue(
                    e.getMessage().startsWith("--out " + out)
                            && e.getMessage().contains(batch + ", which is being graded")
                            && e.getMessage().contains("choose an --out folder apart from it"),
                    e.getMessage());
        }
        assertEquals(before, GradingFixtures.fingerprint(tmp), "nothing was written");
    }

    @Test
    void aStudentWhoseReportCannotBeWrittenGetsZeroAndTheBatchGoesOn(@TempDir Path tmp) throws Exception {
        Path batch = tmp.resolve("submissions");
        copy(HOME.resolve("solutions"), batch.resolve("alice"));
        copy(HOME.resolve("solutions"), batch.resolve("bob"));
        Path out = Files.createDirectories(tmp.resolve("grades"));
        Files.writeString(out.resolve("alice"), "a file where alice's folder would go");
        var stderr = new ByteArrayOutputStream();
        int code = grade(
                List.of(batch.toString(), "--out", out.toString(), "--only", "E5", "--seed", "5"),
                new ByteArrayOutputStream(),
                stderr);
        String said = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, said);
        assertEquals("student,E5,total\nalice,0,0\nbob,8,8\n", Files.readString(out.resolve("gradebook.csv")));
        assertTrue(Files.exists(out.resolve("bob/results.json")), "bob is graded and reported");
        assertTrue(said.contains("alice: no report written"), said);
    }
}
