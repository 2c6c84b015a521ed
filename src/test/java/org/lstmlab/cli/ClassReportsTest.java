package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.ClassReport;
import org.lstmlab.grade.report.Diagnosis;
import org.lstmlab.grade.report.Roster;
import org.lstmlab.grade.run.Submissions;
import org.lstmlab.grade.similarity.SimilarityCheck;

/**
 * The class report of a synthetic class ({@link SyntheticClass}) graded by {@code ./lab grade}'s code: each seeded
 * mistake counted exactly, the pass rates as designed, the compile error with the compiler's first message, JPlag
 * flagging the copied pair and no other, the LMS gradebooks in their shapes, every name escaped.
 */
class ClassReportsTest {
    private static final List<String> EXERCISES =
            List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11");

    @Test
    void aGradedClassReportsEachSeededMistakeExactlyAndTheCopiedPair(@TempDir Path tmp) throws Exception {
        Map<String, Path> students = SyntheticClass.build(tmp.resolve("class"));
        Path out = tmp.resolve("grades");
        var stdout = new ByteArrayOutputStream();
        int code = GradeCli.run(
                new ArrayList<>(
                        List.of("grade", tmp.resolve("class").toString(), "--out", out.toString(), "--seed", "11")),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String said = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, said);
        assertTrue(said.contains("class report: ") && said.contains("similarity check"), said);
        ClassReport c = ClassReport.fromJson(Files.readString(out.resolve("class-report.json")));
        assertEquals(6, c.students());
        Map<String, Double> scores = new HashMap<>();
        c.scores().forEach(s -> scores.put(s.student(), s.score()));
        assertEquals(112.0, scores.get("copy1"), "every exercise but E9 (10 of 122 points)");
        assertEquals(112.0, scores.get("copy2"), "renaming variables changes nothing");

        List<ClassReport.Finding> mistakes = c.mistakes().stream()
                .filter(f -> f.kind() == Diagnosis.Kind.MISTAKE)
                .toList();
        assertEquals(
                Set.of(
                        new ClassReport.Finding(
                                "E3", Diagnosis.Kind.MISTAKE, SyntheticClass.TANH_HINT, List.of("tanh")),
                        new ClassReport.Finding(
                                "E1", Diagnosis.Kind.MISTAKE, SyntheticClass.SWAPPED_HINT, List.of("swapped")),
                        new ClassReport.Finding(
                                "E6", Diagnosis.Kind.MISTAKE, SyntheticClass.BIAS_HINT, List.of("nobias"))),
                Set.copyOf(mistakes),
                mistakes.toString());
        assertEquals(3, mistakes.size());
        ClassReport.Finding e9 = c.mistakes().stream()
                .filter(f -> f.exercise().equals("E9") && f.kind() == Diagnosis.Kind.NOT_IMPLEMENTED)
                .findFirst()
                .orElseThrow();
        assertEquals(6, e9.count(), "E9 is the starter in every submission");

        assertEquals(1, c.didNotCompile().size(), c.didNotCompile().toString());
        ClassReport.Trouble broken = c.didNotCompile().get(0);
        assertEquals(List.of(SyntheticClass.BROKEN, "E5"), List.of(broken.student(), broken.exercise()));
        assertTrue(broken.message().matches("E5CellState\\.java:\\d+: '\\)' expected"), broken.message());
        assertEquals(List.of(), c.stopped());

        Map<String, ClassReport.ExerciseRate> rates = new HashMap<>();
        c.exercises().forEach(e -> rates.put(e.id(), e));
        assertEquals(
                EXERCISES,
                c.exercises().stream().map(ClassReport.ExerciseRate::id).toList());
        for (String id : List.of("E1", "E2", "E3", "E4", "E5", "E7", "E8")) {
            assertEquals(2, rates.get(id).fullMarks(), id);
            for (ClassReport.TestRate t : rates.get(id).tests()) {
                // swapped's h_t is still [B, H] in (−1, 1): only the copies pass the rest
                int expected = t.number().equals("1.3") ? 3 : 2;
                assertEquals(List.of(expected, 6), List.of(t.passed(), t.graded()), id + " " + t);
            }
        }
        for (ClassReport.TestRate t : rates.get("E6").tests()) {
            // nobias's o_t without b_o is still a gate in (0, 1), and its h_t is right
            int expected = t.name().startsWith("o_t,") ? 2 : 3;
            assertEquals(expected, t.passed(), t.toString());
        }
        rates.get("E9").tests().forEach(t -> assertEquals(0, t.passed(), t.toString()));

        assertEquals(1, c.similarity().pairs().size(), c.similarity().toString());
        ClassReport.SimilarPair pair = c.similarity().pairs().get(0);
        assertEquals(Set.of("copy1", "copy2"), Set.of(pair.first(), pair.second()));
        assertTrue(Files.isRegularFile(out.resolve(pair.link())));

        String html = Files.readString(out.resolve("class-report.html"));
        assertFalse(html.contains(SyntheticClass.BROKEN), "a hostile folder name is escaped");
        assertTrue(html.contains("broken &lt;b&gt;&amp;&quot;"));
        assertTrue(html.contains("E3: 1 of 6</b> — f_t equals tanh(W_f·[h_{t-1}, x_t] + b_f)"), html);

        List<List<String>> gradebook = rows(out.resolve("gradebook.csv"));
        List<List<String>> canvas = rows(out.resolve("gradebook-canvas.csv"));
        assertEquals(
                List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"),
                canvas.get(0).subList(0, 5));
        assertEquals("LSTM Lab E3 forget gate", canvas.get(0).get(7));
        assertEquals("LSTM Lab total", canvas.get(0).get(16));
        assertEquals("    Points Possible", canvas.get(1).get(0));
        assertEquals("122", canvas.get(1).get(16));
        assertEquals(2 + students.size(), canvas.size());
        List<List<String>> moodle = rows(out.resolve("gradebook-moodle.csv"));
        assertEquals(
                List.of("Username", "ID number", "Email address"), moodle.get(0).subList(0, 3));
        assertEquals(1 + students.size(), moodle.size());
        for (int k = 1; k < gradebook.size(); k++) {
            List<String> g = gradebook.get(k);
            assertEquals(g.get(0), canvas.get(k + 1).get(3), "Canvas's SIS Login ID is the folder's name");
            assertEquals(g.subList(1, 12), canvas.get(k + 1).subList(5, 16), "the same points per exercise");
            assertEquals(g.get(0), moodle.get(k).get(0));
            assertEquals(g.subList(1, 12), moodle.get(k).subList(3, 14));
        }
    }

    @Test
    void withoutSimilarityAndWithARosterTheReportSaysSoAndTheLmsFilesNameTheStudents(@TempDir Path tmp)
            throws Exception {
        List<org.lstmlab.grade.report.Report> reports = List.of(
                new org.lstmlab.grade.report.Report("alice", 7, List.of(), 1, 1),
                new org.lstmlab.grade.report.Report("bob", 7, List.of(), 2, 1));
        Path roster = tmp.resolve("roster.csv");
        Files.writeString(roster, "submission,Student,SIS Login ID,Username\nalice,Alice Liddell,aliddell,al\n");
        var said = new ByteArrayOutputStream();
        ClassReports.writeAndSay(
                tmp.resolve("out"),
                reports,
                List.of(),
                List.of(),
                roster.toString(),
                false,
                new PrintStream(said, true, StandardCharsets.UTF_8));
        ClassReport c = ClassReport.fromJson(Files.readString(tmp.resolve("out/class-report.json")));
        assertFalse(c.similarity().ran());
        assertEquals("--no-similarity", c.similarity().note());
        assertFalse(Files.exists(tmp.resolve("out/similarity")));
        assertTrue(Files.readString(tmp.resolve("out/class-report.html")).contains("did not run: --no-similarity"));
        List<List<String>> canvas = rows(tmp.resolve("out/gradebook-canvas.csv"));
        assertEquals(
                List.of("Alice Liddell", "", "", "aliddell", ""), canvas.get(2).subList(0, 5));
        assertEquals(List.of("bob", "", "", "bob", ""), canvas.get(3).subList(0, 5));
        assertEquals("al", rows(tmp.resolve("out/gradebook-moodle.csv")).get(1).get(0));
        assertFalse(said.toString(StandardCharsets.UTF_8).contains("similarity check"));
    }

    /** A CSV file's rows, quotes undone. */
    private static List<List<String>> rows(Path csv) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String s = Files.readString(csv);
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted && ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (!quoted && ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        return rows;
    }

    @Test
    void jplagFlagsTheCopiedPairAndNoOther(@TempDir Path tmp) throws Exception {
        Map<String, Path> students = SyntheticClass.build(tmp.resolve("class"));
        ClassReport.Similarity sim = SimilarityCheck.check(
                students,
                SyntheticClass.STARTER,
                tmp.resolve("out"),
                SimilarityCheck.DEFAULT_THRESHOLD,
                org.lstmlab.grade.sandbox.SubmissionCompiler::normalised);
        assertTrue(sim.ran(), sim.note());
        assertEquals(1, sim.pairs().size(), sim.toString());
        ClassReport.SimilarPair pair = sim.pairs().get(0);
        assertEquals(
                List.of("copy1", "copy2"),
                List.of(pair.first(), pair.second()).stream().sorted().toList());
        assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(pair.link())), pair.link());
        assertTrue(
                sim.note().contains("Left out, as JPlag could not parse them: " + SyntheticClass.BROKEN), sim.note());
    }

    /**
     * The same code sent three ways — a folder, a zip inside a zip, files saved as UTF-16 — is graded alike, so the
     * similarity check reads it alike: no way of sending a copy hides it (a zip in a zip gave the check no Java file
     * at all, and the student dropped out of it unnamed).
     */
    @Test
    void theSameCodeSentAsAZipInAZipOrInUtf16IsComparedAsTheGraderReadIt(@TempDir Path tmp) throws Exception {
        Path solutions = org.lstmlab.grade.run.GradingFixtures.SOLUTIONS.resolve("org/lstmlab/exercises");
        Path alice = Files.createDirectories(tmp.resolve("class/alice"));
        Path carol = Files.createDirectories(tmp.resolve("class/carol"));
        var inner = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(inner)) {
            try (var files = Files.list(solutions)) {
                for (Path f : files.sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    Files.write(alice.resolve(f.getFileName().toString()), bytes);
                    Files.write(
                            carol.resolve(f.getFileName().toString()),
                            ("\uFEFF" + new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_16LE));
                    zip.putNextEntry(new java.util.zip.ZipEntry("exercises/" + f.getFileName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        }
        Path bob = tmp.resolve("class/bob.zip");
        Files.write(bob, org.lstmlab.grade.run.GradingFixtures.zip("work.zip", inner.toByteArray()));
        List<Submissions.Submission> subs = List.of(
                new Submissions.Submission("alice", alice),
                new Submissions.Submission("bob", bob),
                new Submissions.Submission("carol", carol));
        List<org.lstmlab.grade.report.Report> reports = subs.stream()
                .map(x -> new org.lstmlab.grade.report.Report(x.student(), 7, List.of(), 1, 1))
                .toList();
        ClassReports.write(tmp.resolve("out"), reports, List.of(), subs, Roster.none(), null, true);
        ClassReport c = ClassReport.fromJson(Files.readString(tmp.resolve("out/class-report.json")));
        assertEquals(
                List.of("alice–bob", "alice–carol", "bob–carol"),
                c.similarity().pairs().stream()
                        .map(p -> p.first() + "–" + p.second())
                        .sorted()
                        .toList(),
                c.similarity().note());
        assertTrue(
                c.similarity().note().contains("compared 3 submissions"),
                c.similarity().note());
    }
}
