package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.grade.edition.Gradescope;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.ResultsJson;

/**
 * Every hostile submission under {@code src/test/resources/hostile/}: grading finishes, writes a
 * valid report, gives the affected exercise 0 with a clear message and grades another exercise of
 * the same submission normally.
 */
class HostileSubmissionsTest extends HostileGrading {
    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("exit-in-method", "E3", "E5", "not call System.exit or Runtime.halt"),
                Arguments.of("halt-in-method", "E3", "E5", "not call System.exit or Runtime.halt"),
                Arguments.of("exit-in-static-initialiser", "E3", "E5", "not call System.exit or Runtime.halt"),
                Arguments.of("exit-in-shutdown-hook", "E3", "E5", "registered a shutdown hook"),
                Arguments.of("busy-loop", "E3", "E5", "did not return within 4.0 s"),
                Arguments.of("thread-bomb", "E3", "E5", "thread bomb"),
                Arguments.of("thread-left-running", "E3", "E5", "left a thread running (\"keeps-running\")"),
                Arguments.of("endless-printing", "E3", "E5", "printed more than 64 KB"),
                Arguments.of("forged-report", "E3", "E5", "f_t is wrong at [0, 0]"),
                Arguments.of("writes-to-the-answer-channel", "E3", "E5", "damaged the grader's channel"),
                Arguments.of("huge-heap", "E3", "E5", "ran out of memory"),
                Arguments.of("huge-off-heap", "E3", "E5", "ran out of memory"),
                Arguments.of("huge-file", "E3", "E5", "wrote a file larger than 8 MB"),
                Arguments.of("many-files", "E3", "E5", "MB of files, more than the 8 MB"),
                Arguments.of("fills-the-job-folder", "E3", "E5", "MB of files, more than the 8 MB"),
                Arguments.of("fills-the-disk-while-running", "E3", "E5", "MB of files, more than the 8 MB"),
                Arguments.of(
                        "message-that-throws",
                        "E3",
                        "E5",
                        "E3ForgetGate$Sly was thrown, and its own getMessage, getStackTrace or getCause threw"
                                + " java.lang.IllegalStateException"),
                Arguments.of(
                        "message-that-recurses",
                        "E3",
                        "E5",
                        "E3ForgetGate$Looping was thrown, and its own getMessage, getStackTrace or getCause threw"
                                + " java.lang.StackOverflowError"),
                Arguments.of("huge-message", "E3", "E5", "java.lang.IllegalStateException: xxxxxxxxxx"),
                Arguments.of("closes-standard-streams", "E3", "E5", "nor close the JVM's standard streams"),
                Arguments.of(
                        "read-tests-and-solutions", "E3", "E5", "found nothing to copy from (at E3ForgetGate.java"),
                Arguments.of(
                        "reflection-on-grader",
                        "E3",
                        "E5",
                        "reflection found nothing of the grader (at E3ForgetGate.java"),
                Arguments.of("reflection-on-library", "E3", "E5", "ClassNotFoundException: org.lstmlab.nn.LstmCell"),
                Arguments.of("lying-equals", "E3", "E5", "f_t is wrong at [0, 0]"),
                Arguments.of("test-aborted", "E3", "E5", "package org.opentest4j does not exist"),
                Arguments.of("swallowed-assertions", "E3", "E5", "f_t is wrong at [0, 0]"),
                Arguments.of("hard-coded-answers", "E3", "E5", "Hard-coded answers score 0"),
                Arguments.of("static-state", "E5", "E3", "C_t is wrong at [0, 0]"),
                Arguments.of("socket", "E3", "E5", "opened a network socket"),
                Arguments.of("process", "E3", "E5", "started a process"),
                Arguments.of("class-in-java-package", "E3", "E5", "E3ForgetGate.java does not compile"),
                Arguments.of("class-in-grader-package", "E3", "E5", "must stay in package org.lstmlab.exercises"),
                Arguments.of("class-in-junit-package", "E3", "E5", "must stay in package org.lstmlab.exercises"),
                Arguments.of(
                        "does-not-compile",
                        "E9",
                        "E5",
                        "E9GradientClipping.java does not compile:\n  E9GradientClipping.java:11: ';' expected"),
                Arguments.of("wrong-signature", "E3", "E5", "has no public static method forgetGate"),
                Arguments.of(
                        "calls-the-library",
                        "E8",
                        "E5",
                        "E8 must be your own code, but E8LstmBackward calls org.lstmlab.nn.LstmCell"));
    }

    @ParameterizedTest(name = "{0}: {1} scores 0 with a clear message, {2} is graded normally")
    @MethodSource("hostile")
    void hostileSubmissionScoresZeroOnlyWhereItCheats(
            String name, String affected, String other, String message, @TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve(name), GradingFixtures.HOSTILE.resolve(name));
        Report r = grader.grade(name, sub, GradingFixtures.only(affected, other), Grader.Scope.ALL_TESTS, 11);

        ExerciseResult bad = r.exercise(affected);
        ExerciseResult good = r.exercise(other);
        assertEquals(0, bad.score(), name + ": " + bad.feedback());
        assertTrue(bad.feedback().contains(message), name + " feedback names the cause: " + bad.feedback());
        assertEquals(good.maxScore(), good.score(), name + " leaves " + other + " graded normally: " + good.feedback());
        Path results = ResultsJson.write(tmp.resolve("out"), r);
        JsonObject json = GradingFixtures.validResultsJson(results);
        assertEquals(good.maxScore(), json.get("score").getAsDouble(), "results.json holds the grader's score");
        assertFalse(Files.readString(results).contains("Tests run: 9"), "nothing the child printed reaches the report");
    }

    /**
     * The JVM keeps a socket of its own from its first java.nio file channel: a call that reads a file that way is not
     * blamed for it (the child opens one before its baseline), and scores full marks.
     */
    @Test
    void aCallThatReadsAFileWithJavaNioIsNotTakenForOneThatOpenedASocket(@TempDir Path tmp) throws IOException {
        Path sub =
                GradingFixtures.submission(tmp.resolve("s"), GradingFixtures.HOSTILE.resolve("reads-a-file-with-nio"));
        Report r = grader.grade("s", sub, GradingFixtures.only("E3"), Grader.Scope.ALL_TESTS, 11);
        ExerciseResult e3 = r.exercise("E3");
        assertEquals(e3.maxScore(), e3.score(), e3.feedback());
    }

    /** The child's own message (a method the exercise file declares is missing) reaches a Vietnamese student in Vietnamese. */
    @Test
    void aWrongSignatureIsExplainedInVietnameseWhenTheClassIsGradedInVietnamese(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), GradingFixtures.HOSTILE.resolve("wrong-signature"));
        System.setProperty(org.lstmlab.grade.sandbox.Bundle.LANG_PROPERTY, "vi");
        try {
            Report r = grader.grade("s", sub, GradingFixtures.only("E3"), Grader.Scope.ALL_TESTS, 11);
            String feedback = r.exercise("E3").feedback();
            assertTrue(
                    feedback.contains("E3ForgetGate không có phương thức public static forgetGate nhận 4 tham số"),
                    feedback);
            assertFalse(feedback.contains("has no public static method"), feedback);
        } finally {
            System.clearProperty(org.lstmlab.grade.sandbox.Bundle.LANG_PROPERTY);
        }
    }

    /** The hostile submission {@code name} with {@code @KEY@} in its source replaced, for attacks that need a path or port. */
    static Path templated(Path dir, String name, Map<String, String> values) throws IOException {
        Path sub = GradingFixtures.submission(dir, GradingFixtures.HOSTILE.resolve(name));
        Path e3 = sub.resolve("org/lstmlab/exercises/E3ForgetGate.java");
        String text = Files.readString(e3);
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("@" + v.getKey() + "@", v.getValue());
        }
        Files.writeString(e3, text);
        return sub;
    }

    @Test
    void aSubmissionThatKillsItsParentAndEveryProcessItSeesCostsNoClassmateAGrade(@TempDir Path tmp)
            throws IOException {
        requireOsSandbox();
        killingEverythingCostsNoClassmateAGrade(grader, tmp);
    }

    @Test
    void aSubmissionThatWritesWhereverItCanFindLeavesTheRepositoryTheSubmissionsAndTheOutputUnchanged(@TempDir Path tmp)
            throws IOException {
        requireOsSandbox();
        writingEverywhereChangesNothing(grader, tmp);
    }

    @Test
    void aSubmissionFindsNeitherSolutionsNorHiddenTestsByAbsolutePath(@TempDir Path tmp) throws IOException {
        requireOsSandbox();
        Path sub = templated(
                tmp.resolve("s"), "reads-solutions-by-absolute-path", Map.of("REPO", GradingFixtures.HOME.toString()));
        Report r = grader.grade("reader", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
        String feedback = r.exercise("E3").feedback();
        assertEquals(0, r.exercise("E3").score(), feedback);
        assertTrue(feedback.contains("NoSuchFileException"), "the solutions are not there: " + feedback);
        assertFalse(feedback.contains("read the course repository"), feedback);
        assertEquals(8, r.exercise("E5").score(), r.exercise("E5").feedback());
    }

    @Test
    void aSubmissionCannotConnectToAPortTheMachineListensOn(@TempDir Path tmp) throws Exception {
        requireOsSandbox();
        connectionIsRefused(grader, tmp);
    }

    @Test
    void aDetachedProcessDoesNotOutliveGrading(@TempDir Path tmp) throws Exception {
        requireOsSandbox();
        nothingDetachedOutlivesGrading(grader, tmp);
    }

    @Test
    void aSubmissionThatListsProcSeesNoGraderAndNoClassmate(@TempDir Path tmp) throws IOException {
        requireOsSandbox();
        seesNoOneElse(grader, tmp);
    }

    @Test
    void aSubmissionFillsNeitherTheMemoryThroughItsPrivateTmpNorTheDiskThroughItsJobFolder(@TempDir Path tmp)
            throws IOException {
        requireOsSandbox();
        fillsNeitherMemoryNorDisk(grader, tmp);
    }

    /**
     * A submission writes 400 MB into the sandbox's private {@code /tmp} (which lives in memory) and another writes
     * 1 GB into its working directory before it answers right: the first gets at most 64 MB in, the second is stopped
     * while it runs, long before 1 GB; a classmate graded beside them gets full marks.
     */
    static void fillsNeitherMemoryNorDisk(Grader grader, Path tmp) throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("class"));
        GradingFixtures.submission(batch.resolve("alice"), null);
        GradingFixtures.submission(batch.resolve("tmp-filler"), GradingFixtures.HOSTILE.resolve("fills-private-tmp"));
        GradingFixtures.submission(
                batch.resolve("disk-filler"), GradingFixtures.HOSTILE.resolve("fills-the-disk-while-running"));
        Map<String, Report> by = new java.util.HashMap<>();
        gradeClass(grader, batch, 2).forEach(r -> by.put(r.student(), r));
        assertEquals(
                by.get("alice").maxScore(),
                by.get("alice").score(),
                by.get("alice").toString());
        String tmpFeedback = by.get("tmp-filler").exercise("E3").feedback();
        var wrote = java.util.regex.Pattern.compile("wrote (\\d+) MB into /tmp").matcher(tmpFeedback);
        assertTrue(wrote.find(), tmpFeedback);
        assertTrue(
                Integer.parseInt(wrote.group(1)) <= org.lstmlab.grade.sandbox.OsSandbox.TMP_MB,
                "/tmp is bounded: " + tmpFeedback);
        String diskFeedback = by.get("disk-filler").exercise("E3").feedback();
        var files = java.util.regex.Pattern.compile("wrote (\\d+) MB of files, more than the 8 MB")
                .matcher(diskFeedback);
        assertTrue(files.find(), "stopped while it ran, not at the call's end: " + diskFeedback);
        assertTrue(Integer.parseInt(files.group(1)) < 500, "stopped well before 1 GB: " + diskFeedback);
        assertEquals(0, by.get("disk-filler").exercise("E3").score(), diskFeedback);
    }

    /**
     * A submission lists {@code /proc} while a classmate is graded beside it, and answers correctly only if it saw no
     * process but its own (and its sandbox's first one): both full marks.
     */
    static void seesNoOneElse(Grader grader, Path tmp) throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("class"));
        GradingFixtures.submission(batch.resolve("alice"), null);
        GradingFixtures.submission(batch.resolve("eve"), GradingFixtures.HOSTILE.resolve("lists-processes"));
        List<Report> reports = gradeClass(grader, batch, 2);
        for (Report r : reports) {
            assertEquals(r.maxScore(), r.score(), r.student() + " saw no one else: " + r);
        }
    }

    /** E3 and E5 of every submission in {@code batch}, {@code parallel} at a time, seed 11, without progress lines. */
    static List<Report> gradeClass(Grader grader, Path batch, int parallel) throws IOException {
        return grader.gradeAll(
                Submissions.discover(List.of(batch)),
                GradingFixtures.only("E3", "E5"),
                Grader.Scope.ALL_TESTS,
                11,
                parallel,
                new PrintStream(OutputStream.nullOutputStream()));
    }

    /** A submission kills its parent and every process it sees: every other student is graded in full. */
    static void killingEverythingCostsNoClassmateAGrade(Grader grader, Path tmp) throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("class"));
        GradingFixtures.submission(batch.resolve("alice"), null);
        GradingFixtures.submission(
                batch.resolve("mallory"), GradingFixtures.HOSTILE.resolve("kills-parent-and-siblings"));
        GradingFixtures.submission(batch.resolve("zoe"), null);
        List<Report> reports = gradeClass(grader, batch, 3);
        assertEquals(3, reports.size(), "every student has a report");
        for (Report r : reports) {
            assertEquals(r.maxScore(), r.score(), r.student() + " is graded in full: " + r);
        }
        assertTrue(ProcessHandle.current().isAlive(), "the grader lives");
    }

    /** A submission writes wherever it can find: the submissions, the output, the repository and the home unchanged. */
    static void writingEverywhereChangesNothing(Grader grader, Path tmp) throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("class"));
        Path out = Files.createDirectories(tmp.resolve("grades"));
        Files.writeString(out.resolve("earlier.json"), "{}");
        GradingFixtures.submission(batch.resolve("alice"), null);
        templated(
                batch.resolve("mallory"),
                "writes-everywhere",
                Map.of(
                        "REPO",
                        GradingFixtures.HOME.toString(),
                        "SUBMISSIONS",
                        batch.toString(),
                        "OUT",
                        out.toString()));
        Map<String, String> before = GradingFixtures.fingerprint(batch);
        Map<String, String> outBefore = GradingFixtures.fingerprint(out);
        Map<String, String> repoBefore = GradingFixtures.fingerprint(GradingFixtures.HOME.resolve("solutions"));
        Map<String, String> hostileBefore = GradingFixtures.fingerprint(GradingFixtures.HOSTILE);

        List<Report> reports = gradeClass(grader, batch, 2);

        assertEquals(before, GradingFixtures.fingerprint(batch), "the submissions folder is unchanged byte for byte");
        assertEquals(outBefore, GradingFixtures.fingerprint(out), "the output folder is unchanged");
        assertEquals(
                repoBefore,
                GradingFixtures.fingerprint(GradingFixtures.HOME.resolve("solutions")),
                "solutions/ unchanged");
        assertEquals(
                hostileBefore, GradingFixtures.fingerprint(GradingFixtures.HOSTILE), "the test resources unchanged");
        try (Stream<Path> walk = Files.walk(GradingFixtures.HOME, 3)) {
            assertEquals(
                    List.of(),
                    walk.filter(p -> p.getFileName().toString().startsWith("PWNED"))
                            .toList(),
                    "nothing written into the course repository");
        }
        assertFalse(
                Files.exists(Path.of(System.getProperty("user.home"), "PWNED-by-a-submission.txt")),
                "nothing written into the user's home");
        for (Report r : reports) {
            assertEquals(r.maxScore(), r.score(), r.student() + ": " + r);
        }
    }

    /** A submission connects to a port this machine listens on at 127.0.0.1: refused, and only its E3 scores 0. */
    static void connectionIsRefused(Grader grader, Path tmp) throws Exception {
        try (java.net.ServerSocket server =
                new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            Thread listener = new Thread(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket s = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException timeoutOrClosed) {
                        // keep listening until closed
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            Path sub = templated(
                    tmp.resolve("s"), "connects-to-localhost", Map.of("PORT", Integer.toString(server.getLocalPort())));
            Report r = grader.grade("net", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
            String feedback = r.exercise("E3").feedback();
            assertEquals(0, accepted.get(), "no connection reached the listener");
            assertEquals(0, r.exercise("E3").score(), feedback);
            assertTrue(
                    feedback.contains("ConnectException") || feedback.contains("network"),
                    "the connection failed: " + feedback);
            assertEquals(8, r.exercise("E5").score(), r.exercise("E5").feedback());
        }
    }

    /** A submission starts a detached process ({@code setsid -f}): nothing of it is left after grading. */
    static void nothingDetachedOutlivesGrading(Grader grader, Path tmp) throws Exception {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), GradingFixtures.HOSTILE.resolve("detached-process"));
        grader.grade("setsid", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
        List<ProcessHandle> left = List.of();
        for (int i = 0; i < 20; i++) { // the kernel takes a moment to reap a namespace
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .arguments()
                            .map(a -> List.of(a).contains("299.123"))
                            .orElse(false))
                    .toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(List.of(), left.stream().map(ProcessHandle::pid).toList(), "nothing it started is left");
    }

    @Test
    void noJvmAcceptsAnAgentAndTheChildHasNoAttachApi(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(
                tmp.resolve("s"), GradingFixtures.HOSTILE.resolve("loads-agent-into-grader"));
        Report r = grader.grade("agent", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
        String feedback = r.exercise("E3").feedback();
        assertEquals(0, r.exercise("E3").score(), feedback);
        assertTrue(
                feedback.contains("ClassNotFoundException: com.sun.tools.attach.VirtualMachine"),
                "the child's runtime has no Attach API: " + feedback);
        assertTrue(
                java.lang.management.ManagementFactory.getRuntimeMXBean()
                        .getInputArguments()
                        .contains("-XX:+DisableAttachMechanism"),
                "the grader's own JVM refuses agents");
    }

    @Test
    void messagesWithUnpairedSurrogatesNulAndTerminalEscapesGiveValidReportsAndACleanConsole(@TempDir Path tmp)
            throws IOException {
        Path sub = GradingFixtures.submission(
                tmp.resolve("s"), GradingFixtures.HOSTILE.resolve("messages-with-control-characters"));
        Report r = grader.grade("escapes", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
        String feedback = r.exercise("E3").feedback();
        assertEquals(0, r.exercise("E3").score(), feedback);
        assertTrue(feedback.contains("surrogate \uFFFD nul \\u0000"), feedback);
        assertTrue(feedback.contains("ansi \\u001b[2J"), "the escape is shown, not sent: " + feedback);
        byte[] json = Files.readAllBytes(ResultsJson.write(tmp.resolve("out"), r));
        String text = java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(json))
                .toString(); // throws if results.json is not valid UTF-8
        GradingFixtures.validResultsJson(tmp.resolve("out/results.json"));
        for (String shown : List.of(text, r.toString(), r.toHtml())) {
            assertTrue(
                    shown.chars()
                            .noneMatch(c -> c == 0x1b || c == 0 || c == 0x9b || c == 0x07 || c == 0x202e || c == '\r'),
                    "no raw control characters: " + shown);
        }
        assertEquals(8, r.exercise("E5").score(), r.exercise("E5").feedback());
    }

    @Test
    void honestZipsFromWindowsAndMacOsAndNestedOnesScoreFullMarks(@TempDir Path tmp) throws IOException {
        Path sources = GradingFixtures.SOLUTIONS.resolve("org/lstmlab/exercises");
        List<Path> files;
        try (Stream<Path> list = Files.list(sources)) {
            files = list.sorted().toList();
        }
        Path batch = Files.createDirectories(tmp.resolve("class"));
        // PowerShell 5's Compress-Archive: backslashes between folders, no folder entries
        zip(batch.resolve("windows.zip"), zip -> {
            for (Path f : files) {
                put(zip, "exercises\\org\\lstmlab\\exercises\\" + f.getFileName(), Files.readAllBytes(f));
            }
        });
        // macOS Finder's Compress: a top folder, __MACOSX/ with AppleDouble ._ files, .DS_Store
        zip(batch.resolve("macos.zip"), zip -> {
            put(zip, "exercises/", new byte[0]);
            put(zip, "exercises/.DS_Store", new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
            for (Path f : files) {
                put(zip, "exercises/" + f.getFileName(), Files.readAllBytes(f));
                put(zip, "__MACOSX/exercises/._" + f.getFileName(), new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
            }
        });
        // a folder holding the student's zip, as an LMS hands it out; inside, a top folder
        Path inner = tmp.resolve("inner.zip");
        zip(inner, zip -> {
            for (Path f : files) {
                put(zip, "MyWork/" + f.getFileName(), Files.readAllBytes(f));
            }
        });
        Files.createDirectories(batch.resolve("nested"));
        Files.copy(inner, batch.resolve("nested/submission.zip"));
        List<Report> reports = gradeClass(grader, batch, 3);
        assertEquals(3, reports.size());
        for (Report r : reports) {
            assertEquals(r.maxScore(), r.score(), r.student() + " scores full marks: " + r);
        }
    }

    @ParameterizedTest(name = "a submission holding {0} is refused with a clear message")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "module-info.java",
                "META-INF/services/org.junit.platform.launcher.TestExecutionListener",
                "junit-platform.properties"
            })
    void filesThatConfigureTheJvmOrJunitAreRefused(String file, @TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), null);
        Path extra = sub.resolve(file);
        Files.createDirectories(extra.getParent());
        Files.writeString(extra, file.endsWith(".java") ? "module evil { requires jdk.attach; }" : "x=y\n");
        Report r = grader.grade("configures", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
        for (String id : List.of("E3", "E5")) {
            ExerciseResult e = r.exercise(id);
            assertEquals(0, e.score(), e.feedback());
            assertTrue(
                    e.feedback().contains("the submission holds " + file + ", which a submission may not"),
                    e.feedback());
        }
    }

    @Test
    void aSourceThatOverflowsTheCompilersStackAndAHugeSourceCostOnlyTheirOwnExercise(@TempDir Path tmp)
            throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), null);
        Path pkg = sub.resolve("org/lstmlab/exercises");
        String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000); // 100 KB, nested 50 000 deep
        String e3 = Files.readString(pkg.resolve("E3ForgetGate.java"));
        Files.writeString(
                pkg.resolve("E3ForgetGate.java"),
                e3.substring(0, e3.lastIndexOf('}')) + "static final int DEEP = " + deep + ";\n}\n");
        Path e5 = pkg.resolve("E5CellState.java");
        String padding = "// " + "x".repeat(1000) + "\n";
        Files.writeString(e5, Files.readString(e5) + padding.repeat(40_000)); // 40 MB
        Report r = grader.grade("compiler", sub, GradingFixtures.only("E3", "E5", "E6"), Grader.Scope.ALL_TESTS, 11);
        assertEquals(0, r.exercise("E3").score(), r.exercise("E3").feedback());
        assertTrue(
                r.exercise("E3").feedback().contains("E3ForgetGate.java does not compile"),
                r.exercise("E3").feedback());
        assertEquals(0, r.exercise("E5").score(), r.exercise("E5").feedback());
        assertTrue(
                r.exercise("E5").feedback().contains("larger than 1 MB"),
                r.exercise("E5").feedback());
        assertEquals(
                10,
                r.exercise("E6").score(),
                "E6 is graded normally: " + r.exercise("E6").feedback());
    }

    private interface ZipBody {
        void write(java.util.zip.ZipOutputStream zip) throws IOException;
    }

    private static void zip(Path file, ZipBody body) throws IOException {
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            body.write(zip);
        }
    }

    private static void put(java.util.zip.ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    @Test
    void aSubmissionThatDeletesAndForgesTheResultsFolderCannotChangeTheResults() throws IOException {
        Path root = Files.createTempDirectory("lstmlab-gradescope-");
        try {
            GradingFixtures.submission(root.resolve("submission"), GradingFixtures.HOSTILE.resolve("delete-results"));
            Files.createDirectories(root.resolve("results"));
            Files.writeString(root.resolve("results/results.json"), "stale");
            Report r = Gradescope.runAutograder(root, LIMITS, GradingFixtures.COURSE, GradingFixtures.only("E3", "E5"));
            JsonObject json = GradingFixtures.validResultsJson(root.resolve("results/results.json"));
            assertEquals(0, r.exercise("E3").score(), r.exercise("E3").feedback());
            assertTrue(
                    r.exercise("E3").feedback().contains("f_t is wrong"),
                    r.exercise("E3").feedback());
            assertEquals(8.0, json.get("score").getAsDouble(), "only E5's 8 points, not the forged 100");
        } finally {
            root.resolve("results").toFile().setWritable(true);
            Grader.delete(root);
        }
    }

    /**
     * A submission whose every call sleeps just under the call's limit would hold a batch's worker for up to the
     * exercise limit times the exercises (11 minutes by the defaults): its budget bounds it, what it had not finished
     * scores 0 with a message that names the budget, and the student after it, on the same worker, is graded.
     */
    @Test
    void aSubmissionThatSleepsUnderEachCallsLimitStopsAtItsBudgetAndTheBatchGoesOn(@TempDir Path tmp)
            throws IOException {
        Path sleeper = GradingFixtures.submission(
                tmp.resolve("sleeper"), GradingFixtures.HOSTILE.resolve("sleeps-under-each-call-limit"));
        Path honest = GradingFixtures.submission(tmp.resolve("honest"), null);
        List<GradedExercise> which = GradingFixtures.only("E3", "E4", "E5");
        List<Report> reports = withBudget(
                20_000, // the honest student's 3 exercises take a few seconds
                () -> grader.gradeAll(
                        List.of(
                                new Submissions.Submission("sleeper", sleeper),
                                new Submissions.Submission("honest", honest)),
                        which,
                        Grader.Scope.ALL_TESTS,
                        11,
                        1, // one worker: the honest student waits for the sleeper
                        new PrintStream(OutputStream.nullOutputStream())));
        Report slept = reports.get(0);
        assertTrue(
                slept.seconds() < 20 + 4 + 8,
                "the budget (20 s) and one call's limit (4 s) bound the submission, not its 90 s per exercise: "
                        + slept.seconds() + " s");
        ExerciseResult e5 = slept.exercise("E5");
        assertEquals(0, e5.score(), e5.feedback());
        assertTrue(
                e5.feedback()
                        .startsWith("not graded: the submission's time ran out — its exercises may take 20 s in all"),
                "the exercise it did not reach names the budget: " + e5.feedback());
        GradingFixtures.validResultsJson(ResultsJson.write(tmp.resolve("out"), slept));
        Report next = reports.get(1);
        assertEquals(next.maxScore(), next.score(), "the student after it is graded: " + next.exercises());
    }

    /**
     * A student's own check runs the visible tests of their own, perhaps slow, code: no budget for the whole
     * submission refuses it there, only each exercise's limit. The same budget under every test does.
     */
    @Test
    void aStudentsOwnCheckHasNoSubmissionBudget(@TempDir Path tmp) throws IOException {
        Path slow =
                GradingFixtures.submission(tmp.resolve("slow"), GradingFixtures.RESOURCES.resolve("submissions/slow"));
        ExerciseResult checked = withBudget(
                        1, () -> grader.grade("slow", slow, GradingFixtures.only("E3"), Grader.Scope.VISIBLE_TESTS, 11))
                .exercise("E3");
        assertEquals(checked.maxScore(), checked.score(), "the check grades slow code: " + checked.feedback());
        ExerciseResult graded = withBudget(
                        1, () -> grader.grade("slow", slow, GradingFixtures.only("E3"), Grader.Scope.ALL_TESTS, 11))
                .exercise("E3");
        assertEquals(0, graded.score(), graded.feedback());
        assertTrue(graded.feedback().contains("the submission's time ran out"), graded.feedback());
    }

    /**
     * When the whole submission does not compile, each exercise is compiled alone (up to 60 s each, in the compiler
     * every worker shares): once the budget is spent, those left are not compiled, and say why.
     */
    @Test
    void compilingExerciseByExerciseStopsOnceTheBudgetIsSpent(@TempDir Path tmp) throws IOException {
        Path sub =
                GradingFixtures.submission(tmp.resolve("broken"), GradingFixtures.HOSTILE.resolve("does-not-compile"));
        Report r = withBudget(
                1, () -> grader.grade("broken", sub, GradingFixtures.only("E5", "E9"), Grader.Scope.ALL_TESTS, 11));
        for (ExerciseResult e : r.exercises()) {
            assertTrue(
                    e.feedback().startsWith("not graded: the submission's time ran out"),
                    e.id() + " is neither compiled nor run: " + e.feedback());
        }
    }

    private interface Grading<T> {
        T run() throws IOException;
    }

    /** What {@code body} gives with the shared grader's submission budget set to {@code millis}; the default after. */
    private static <T> T withBudget(long millis, Grading<T> body) throws IOException {
        grader.submissionBudget(millis);
        try {
            return body.run();
        } finally {
            grader.submissionBudget(Grader.SUBMISSION_MILLIS);
        }
    }

    /** Honest work saved by Notepad as "Unicode" (UTF-16 little-endian) or "Unicode big endian" scores full marks. */
    @Test
    void honestFilesSavedAsUtf16ScoreFullMarks(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("notepad"), null);
        Path pkg = sub.resolve("org/lstmlab/exercises");
        for (String file : List.of("E3ForgetGate.java", "E5CellState.java")) {
            String text = "\uFEFF" + Files.readString(pkg.resolve(file)).replace("\n", "\r\n");
            Files.write(
                    pkg.resolve(file),
                    text.getBytes(
                            file.startsWith("E3")
                                    ? java.nio.charset.StandardCharsets.UTF_16LE
                                    : java.nio.charset.StandardCharsets.UTF_16BE));
        }
        Report r = grader.grade("notepad", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
        assertEquals(r.maxScore(), r.score(), r.exercises().toString());
    }
}
