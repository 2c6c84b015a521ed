package org.lstmlab.grade.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.grade.run.GradingFixtures.COURSE;
import static org.lstmlab.grade.run.GradingFixtures.EXERCISES;
import static org.lstmlab.grade.run.GradingFixtures.SOLUTIONS;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.report.YoursAndExpected;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.nn.LstmCell;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link Mine}, {@link SavedExercises} and {@link ExpectedOutput} on solutions/, the starter files and edited copies. */
class MineTest {
    private static SavedExercises solutions;
    private static SavedExercises starters;

    @BeforeAll
    static void open() throws IOException {
        solutions = new SavedExercises(SOLUTIONS, COURSE);
        starters = new SavedExercises(EXERCISES, COURSE);
    }

    @AfterAll
    static void close() {
        solutions.close();
        starters.close();
    }

    /** Every {@code Mine.E1} … {@code Mine.E10}. */
    static List<Mine.Of<?>> all() {
        List<Mine.Of<?>> all = new ArrayList<>();
        for (Field f : Mine.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Mine.Of.class) {
                try {
                    all.add((Mine.Of<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return all;
    }

    private static <T> YoursAndExpected published(Mine.Of<T> of, SavedExercises saved) {
        return of.published().apply(saved.handle(of));
    }

    @Test
    void everyExerciseOfTheCourseHasAnAccessorWithItsTestClassesSignatures() {
        Map<String, Mine.Of<?>> byId = new TreeMap<>();
        all().forEach(of -> byId.put(of.id(), of));
        for (GradedExercise e : COURSE.all()) {
            Mine.Of<?> of = byId.get(e.id());
            assertNotNull(of, "Mine has no accessor " + e.id() + " for " + e.className());
            assertEquals(e.className(), of.type().getSimpleName(), e.id() + "'s interface is named like the class");
            assertEquals(signatures(e.handle()), signatures(of.type()), e.id() + "'s methods");
        }
        assertEquals(COURSE.all().size(), byId.size(), "one accessor per exercise, no more");
    }

    /** Each method's name, parameter types and return type (a record by its components' types). */
    private static List<String> signatures(Class<?> type) {
        List<String> s = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            Class<?> r = m.getReturnType();
            String returns = r.isRecord()
                    ? Arrays.stream(r.getRecordComponents())
                            .map(c -> c.getName() + ":" + c.getType().getName())
                            .toList()
                            .toString()
                    : m.getGenericReturnType().getTypeName();
            s.add(m.getName() + Arrays.toString(m.getGenericParameterTypes()) + " → " + returns);
        }
        s.sort(null);
        return s;
    }

    @Test
    void theSolutionsGiveTheExpectedOutputOfEveryExercise() {
        for (Mine.Of<?> of : all()) {
            YoursAndExpected t = published(of, solutions);
            assertTrue(t.allClose(), of + ": " + t);
            for (YoursAndExpected.Row r : t.rows()) {
                assertTrue(r.maxDifference() < 1e-9, of + " " + r.symbol() + ": " + r.maxDifference());
                assertEquals("✓ close", r.verdict());
            }
        }
    }

    /**
     * Every expected-output table fits JupyterLab's output area at 1280 px (105 places of monospace): one row per
     * value, its symbol beside one block with yours above the expected output — side by side, two matrices of eight
     * values took 190 places — each matrix line at most 90 places, and no cell asking for a width of its own.
     */
    @Test
    void everyExpectedOutputTableIsNoWiderThanOneMatrixBesideItsSymbol() {
        java.util.regex.Pattern block = java.util.regex.Pattern.compile("font-family:monospace\">([^<]*)</div>");
        int widest = 0;
        for (SavedExercises saved : List.of(solutions, starters)) {
            for (Mine.Of<?> of : all()) {
                String html = published(of, saved).toHtml();
                assertFalse(html.contains("min-width"), of + ": " + html);
                for (String row : html.split("<tr")) {
                    if (row.contains("</td>"))
                        assertEquals(2, row.split("<td").length - 1, of + ": symbol and block only, in " + row);
                }
                java.util.regex.Matcher m = block.matcher(html);
                while (m.find()) {
                    for (String line : m.group(1).split("\n")) widest = Math.max(widest, line.length());
                }
                assertTrue(widest <= 90, of + ": a matrix line of " + widest + " places in " + html);
            }
        }
        assertTrue(widest > 80, "E2's eight norms make the widest line: " + widest);
    }

    @Test
    void thePublishedInputIsTheFixedCaseAndTheSameOnEveryCall() {
        for (Mine.Of<?> of : all()) {
            YoursAndExpected first = published(of, solutions);
            YoursAndExpected again = published(of, solutions);
            assertTrue(first.input().startsWith("fixed case (seed 7, B=2, X=3, H=4)"), first.input());
            for (int k = 0; k < first.rows().size(); k++) {
                assertEquals(first.rows().get(k).expected(), again.rows().get(k).expected(), of + " is seeded");
            }
        }
    }

    @Test
    void theExpectedForgetGateIsTheLibrarysOnTheFixedCase() {
        Draw d = Draw.fixed();
        INDArray x = d.uniform(2, d.b(), d.x());
        INDArray hPrev = d.uniform(1, d.b(), d.h());
        INDArray cPrev = d.uniform(1, d.b(), d.h());
        var p = d.lstmParams();
        YoursAndExpected t = published(Mine.E3, solutions);
        assertEquals(
                new LstmCell(p).forward(x, hPrev, cPrev).f(), t.rows().get(0).expected());
        assertEquals(
                List.of(2L, 4L),
                Arrays.stream(t.rows().get(0).expected().shape()).boxed().toList());
    }

    @Test
    void aStarterFileShowsNotImplementedInPlaceOfYours() {
        for (Mine.Of<?> of : all()) {
            YoursAndExpected t = published(of, starters);
            assertFalse(t.allClose(), of.id());
            YoursAndExpected.Row r = t.rows().get(0);
            assertNull(r.yours());
            assertTrue(r.failure().contains("not implemented yet"), of + ": " + r.failure());
            assertTrue(t.toHtml().contains("not implemented yet"), t.toHtml());
            assertTrue(t.toHtml().contains("expected output"), t.toHtml());
        }
        StudentCodeFailed f = assertThrows(StudentCodeFailed.class, () -> {
            INDArray a = Draw.fixed().uniform(1, 2, 4);
            starters.handle(Mine.E5).cellState(a, a, a, a);
        });
        assertEquals(StudentCodeFailed.Kind.NOT_IMPLEMENTED, f.kind());
        assertEquals(
                "not implemented yet: replace the TODO in E5CellState.cellState with C_t = f_t * C_{t-1} + i_t * C̃_t"
                        + " (notebook 04-cell-state)",
                f.getMessage());
    }

    @Test
    void aSavedChangeIsCompiledOnceAndPickedUpByTheNextCall(@TempDir Path dir) throws IOException {
        Path file = copyOfExercises(dir).resolve("E3ForgetGate.java");
        try (SavedExercises saved = new SavedExercises(dir, COURSE)) {
            Mine.E3ForgetGate e3 = saved.handle(Mine.E3);
            Files.writeString(
                    file,
                    withBody(
                            file,
                            "return Transforms.tanh(Nd4j.concat(1, hPrev, x)"
                                    + ".mmul(wF.transpose()).addRowVector(bF));"));
            YoursAndExpected wrong = published(Mine.E3, saved);
            assertFalse(wrong.allClose());
            assertTrue(wrong.rows().get(0).maxDifference() > 0.01);
            assertTrue(wrong.rows().get(0).verdict().startsWith("f_t is wrong at [0, "), wrong.toString());
            published(Mine.E3, saved);
            assertEquals(1, saved.compilations(), "an unchanged file is not compiled again");

            Files.writeString(
                    file,
                    withBody(
                            file,
                            "return Transforms.sigmoid(Nd4j.concat(1, hPrev, x)"
                                    + ".mmul(wF.transpose()).addRowVector(bF));"));
            assertTrue(published(Mine.E3, saved).allClose(), "the saved right answer is the next call's");
            assertEquals(2, saved.compilations());
            assertNotNull(e3.toString());
        }
    }

    @Test
    void aCompileErrorAnExceptionAndForbiddenCodeSayWhatTheGraderSays(@TempDir Path dir) throws IOException {
        Path file = copyOfExercises(dir).resolve("E3ForgetGate.java");
        try (SavedExercises saved = new SavedExercises(dir, COURSE)) {
            Files.writeString(file, withBody(file, "return Transforms.sigmoid(hPrev)"));
            StudentCodeFailed compile = assertThrows(StudentCodeFailed.class, () -> call(saved));
            int line = lineOf(file, "Transforms.sigmoid(hPrev)");
            assertTrue(
                    compile.getMessage()
                            .startsWith("E3ForgetGate.java does not compile:\n  E3ForgetGate.java:" + line + ": "),
                    compile.getMessage());

            Files.writeString(file, withBody(file, "throw new IllegalStateException(\"my bug\");"));
            StudentCodeFailed threw = assertThrows(StudentCodeFailed.class, () -> call(saved));
            assertEquals(
                    "E3ForgetGate.forgetGate threw java.lang.IllegalStateException: my bug (at E3ForgetGate.java:"
                            + lineOf(file, "my bug") + ")",
                    threw.getMessage());
            assertEquals(0, threw.getStackTrace().length, "the notebook shows the message, not our frames");

            Files.writeString(
                    file, withBody(file, "return new org.lstmlab.nn.LstmCell(null).forward(x, hPrev, hPrev).f();"));
            StudentCodeFailed banned = assertThrows(StudentCodeFailed.class, () -> call(saved));
            assertTrue(
                    banned.getMessage()
                            .startsWith(
                                    "E3 must be your own code, but E3ForgetGate calls" + " org.lstmlab.nn.LstmCell"),
                    banned.getMessage());
            System.setProperty("lstmlab.lang", "vi");
            try {
                Files.writeString(
                        file, withBody(file, "return new org.lstmlab.nn.LstmCell(null).forward(x, x, x).f();"));
                StudentCodeFailed vi = assertThrows(StudentCodeFailed.class, () -> call(saved));
                assertTrue(
                        vi.getMessage().startsWith("E3 phải là mã của chính bạn, nhưng E3ForgetGate gọi"),
                        vi.getMessage());
            } finally {
                System.clearProperty("lstmlab.lang");
            }

            Files.writeString(file, withBody(file, "return null;"));
            StudentCodeFailed nothing = assertThrows(StudentCodeFailed.class, () -> call(saved));
            assertEquals("E3ForgetGate.forgetGate returned nothing", nothing.getMessage());
        }
    }

    private static void call(SavedExercises saved) {
        INDArray a = Draw.fixed().uniform(1, 2, 4);
        saved.handle(Mine.E3).forgetGate(a, a, a, a);
    }

    private static Path copyOfExercises(Path dir) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("org/lstmlab/exercises"));
        try (var files = Files.list(EXERCISES.resolve("org/lstmlab/exercises"))) {
            for (Path f : files.toList()) {
                Files.copy(f, pkg.resolve(f.getFileName()));
            }
        }
        return pkg;
    }

    /** The file with its TODO's throw replaced by {@code body}. */
    static String withBody(Path file, String body) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            out.add(
                    l.contains("throw new UnsupportedOperationException(") || l.contains("// body")
                            ? "        " + body + " // body"
                            : l);
        }
        return String.join("\n", out) + "\n";
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains(text)) {
                return k + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }
}
