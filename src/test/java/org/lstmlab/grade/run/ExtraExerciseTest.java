package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.edition.Edition;
import org.lstmlab.grade.edition.ExerciseGenerator;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.ResultsJson;
import org.lstmlab.grade.report.TestResult;
import org.lstmlab.grade.sandbox.Limits;

/**
 * Adding an exercise is adding its solution file and its test class, nothing else: a temporary
 * course with an extra E12 has its starter file generated, is discovered, and is graded.
 */
class ExtraExerciseTest {
    private static final String SOLUTION = """
            package org.lstmlab.exercises;

            import org.nd4j.linalg.api.ndarray.INDArray;
            import org.nd4j.linalg.ops.transforms.Transforms;

            /** E12 — the logistic sigmoid (6 points). Notebook: {@code 02-forget-gate}. */
            public final class E12Sigmoid {
                private E12Sigmoid() {}

                public static INDArray sigmoid(INDArray z) {
                    // BEGIN SOLUTION
                    return Transforms.sigmoid(z, true);
                    // END SOLUTION
                }
            }
            """;

    private static final String TEST_CLASS = """
            package org.lstmlab.exercises;

            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.params.ParameterizedTest;
            import org.lstmlab.grade.author.Computes;
            import org.lstmlab.grade.author.Draw;
            import org.lstmlab.grade.author.Draws;
            import org.lstmlab.grade.author.Exercise;
            import org.lstmlab.grade.author.Expect;
            import org.lstmlab.grade.author.Points;
            import org.lstmlab.grade.author.RandomisedCases;
            import org.lstmlab.grade.author.Visibility;
            import org.nd4j.linalg.api.ndarray.INDArray;
            import org.nd4j.linalg.ops.transforms.Transforms;

            @Exercise(id = "E12", title = "logistic sigmoid", points = 6, notebook = "02-forget-gate")
            class E12SigmoidTest {
                interface E12Sigmoid {
                    @Computes("σ(z) = 1 / (1 + e^(−z))")
                    INDArray sigmoid(INDArray z);
                }

                @Test
                @Points(3)
                void fixedCase(E12Sigmoid student) {
                    expectSigmoid(student, Draw.fixed());
                }

                @ParameterizedTest(name = "randomised case {index} ({0})")
                @RandomisedCases(2)
                @Points(value = 2, visibility = Visibility.HIDDEN)
                void randomisedCases(Draw draw, E12Sigmoid student) {
                    expectSigmoid(student, draw);
                }

                @Test
                @Points(value = 1, visibility = Visibility.AFTER_DUE_DATE)
                void valuesLieBetween0And1(E12Sigmoid student, Draws draws) {
                    Draw d = draws.randomised(1).get(0);
                    Expect.between("σ(z)", student.sigmoid(d.uniform(5, d.b(), d.h())), 0, 1, "σ lies in (0, 1)", d);
                }

                private static void expectSigmoid(E12Sigmoid student, Draw d) {
                    INDArray z = d.uniform(3, d.b(), d.h());
                    Expect.close("σ(z)", Transforms.sigmoid(z, true), student.sigmoid(z), d);
                }
            }
            """;

    @Test
    void aCourseWithAnExtraExerciseE12GeneratesItsStarterFileFindsItAndGradesIt(@TempDir Path course)
            throws IOException {
        GradingFixtures.copyTree(GradingFixtures.SOLUTIONS, course.resolve("solutions"));
        Files.writeString(course.resolve("solutions/org/lstmlab/exercises/E12Sigmoid.java"), SOLUTION);
        Path source = course.resolve("src/grading/java/org/lstmlab/exercises/E12SigmoidTest.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, TEST_CLASS);
        Path classes = course.resolve("target/grading-classes");
        compile(source, classes);

        ExerciseCatalog catalog = ExerciseCatalog.discover(new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader()));
        assertEquals(12, catalog.all().size());
        assertEquals("E12", catalog.all().get(11).id(), "E12 comes after E11");
        assertEquals(128, catalog.maxScore());

        ExerciseGenerator.write(catalog, course.resolve("solutions"), course.resolve("exercises"));
        String starter = Files.readString(course.resolve("exercises/org/lstmlab/exercises/E12Sigmoid.java"));
        assertTrue(
                starter.contains("throw new UnsupportedOperationException(\"E12 (logistic sigmoid) is not implemented"
                        + " yet: E12Sigmoid.sigmoid must compute σ(z) = 1 / (1 + e^(−z)). Notebook 02-forget-gate explains it."
                        + " / E12 (logistic sigmoid) chưa làm: E12Sigmoid.sigmoid phải tính σ(z) = 1 / (1 + e^(−z))."
                        + " Notebook 02-forget-gate giải thích phần này.\");"),
                starter);

        try (Grader g = new Grader(catalog, Limits.defaults())) {
            List<GradedExercise> e10 = List.of(catalog.byId("E12"));
            Report solved = g.grade("solutions", course.resolve("solutions"), e10, Grader.Scope.ALL_TESTS, 3);
            assertEquals(6, solved.score(), solved.toString());
            assertEquals(
                    List.of("visible", "hidden", "after_due_date"),
                    solved.exercise("E12").tests().stream()
                            .map(TestResult::visibility)
                            .toList());
            GradingFixtures.validResultsJson(ResultsJson.write(course.resolve("out"), solved));

            Report starterCode = g.grade("exercises", course.resolve("exercises"), e10, Grader.Scope.ALL_TESTS, 3);
            assertEquals(0, starterCode.score());
            assertTrue(
                    starterCode
                            .exercise("E12")
                            .feedback()
                            .startsWith("not implemented yet: replace the TODO in"
                                    + " E12Sigmoid.sigmoid with σ(z) = 1 / (1 + e^(−z)) (notebook 02-forget-gate)"),
                    starterCode.exercise("E12").feedback());

            Report check = g.grade("solutions", course.resolve("solutions"), e10, Grader.Scope.VISIBLE_TESTS, 3);
            assertEquals(
                    List.of("E12 logistic sigmoid: fixed case"),
                    check.exercise("E12").tests().stream().map(TestResult::name).toList(),
                    "a student's own check runs the visible tests only");
            assertEquals(3, check.maxScore());
        }
        String edition = org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalStateException.class,
                        () -> Edition.writeLib(course.resolve("lib"), catalog, course.resolve("src/hidden/java")))
                .getMessage();
        assertEquals(
                "E12's test randomisedCases is hidden but stands in E12SigmoidTest, which a student edition carries:"
                        + " move it to the exercise's @HiddenTests class in src/hidden/java",
                edition);
    }

    private static void compile(Path source, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.ByteArrayOutputStream();
        int code = javac.run(
                null,
                null,
                errors,
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + classes,
                source.toString());
        assertEquals(0, code, errors.toString(StandardCharsets.UTF_8));
    }
}
