package org.lstmlab.grade.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.GradingFixtures;

class ExerciseGeneratorTest {

    @Test
    void exercisesFolderIsExactlyWhatGenerationFromSolutionsProduces() throws IOException {
        var diffs = ExerciseGenerator.differences(
                GradingFixtures.COURSE, GradingFixtures.SOLUTIONS, GradingFixtures.EXERCISES);
        assertTrue(diffs.isEmpty(), "run ./lab exercises: " + diffs);
    }

    @Test
    void aHandEditedExerciseFileIsReportedAsDrift(@TempDir Path tmp) throws IOException {
        GradingFixtures.copyTree(GradingFixtures.EXERCISES, tmp);
        Path e3 = tmp.resolve("org/lstmlab/exercises/E3ForgetGate.java");
        Files.writeString(e3, Files.readString(e3).replace("TODO E3", "TODO"));
        assertEquals(
                1,
                ExerciseGenerator.differences(GradingFixtures.COURSE, GradingFixtures.SOLUTIONS, tmp)
                        .size());
    }

    @Test
    void everySolutionRegionBecomesATodoThatNamesTheExerciseAndItsEquation() throws IOException {
        String source = Files.readString(GradingFixtures.SOLUTIONS.resolve("org/lstmlab/exercises/E4InputGate.java"));
        String generated = ExerciseGenerator.generate(GradingFixtures.COURSE, "E4InputGate.java", source);
        assertFalse(generated.contains("BEGIN SOLUTION") || generated.contains("Transforms.sigmoid(hx"), generated);
        assertTrue(
                generated.contains(
                        "throw new UnsupportedOperationException(\"E4 (input gate and candidate) is not implemented yet: "
                                + "E4InputGate.inputGate must compute i_t = σ(W_i · [h_{t-1}, x_t] + b_i). Notebook 03-input-gate-and-candidate explains it."
                                + " / E4 (cổng vào và giá trị ứng viên) chưa làm: E4InputGate.inputGate phải tính i_t ="
                                + " σ(W_i · [h_{t-1}, x_t] + b_i). Notebook 03-input-gate-and-candidate giải thích phần"
                                + " này.\");"),
                generated);
        assertTrue(generated.contains("E4InputGate.candidate must compute C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C)"));
        assertTrue(
                generated.contains(
                        "public static INDArray candidate(INDArray hPrev, INDArray x, INDArray wC, INDArray bC)"),
                "signatures and Javadoc are kept");
    }

    /** An equation with words gets its Vietnamese line under the TODO and in the exception's Vietnamese half. */
    @Test
    void anEquationWithWordsIsAlsoWrittenInVietnamese() throws IOException {
        String source = Files.readString(GradingFixtures.SOLUTIONS.resolve("org/lstmlab/exercises/E7LstmStep.java"));
        String generated = ExerciseGenerator.generate(GradingFixtures.COURSE, "E7LstmStep.java", source);
        assertTrue(
                generated.contains("// TODO E7: f_t, i_t, C̃_t, C_t, o_t, h_t in order, with your E3–E6\n"), generated);
        assertTrue(
                generated.contains(
                        "//        f_t, i_t, C̃_t, C_t, o_t, h_t theo đúng thứ tự, dùng các bài E3–E6 của bạn\n"),
                generated);
        assertTrue(
                generated.contains("E7 (một bước LSTM đầy đủ) chưa làm: E7LstmStep.lstmStep phải tính f_t, i_t, C̃_t,"
                        + " C_t, o_t, h_t theo đúng thứ tự, dùng các bài E3–E6 của bạn."),
                generated);
    }

    @Test
    void aSolutionRegionWithoutItsEndMarkerIsRejected() {
        String broken =
                "class E3ForgetGate {\n  public static INDArray forgetGate(INDArray a) {\n    // BEGIN SOLUTION\n    return a;\n  }\n}\n";
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ExerciseGenerator.generate(GradingFixtures.COURSE, "E3ForgetGate.java", broken));
        assertTrue(
                e.getMessage().contains("E3ForgetGate.java:3: // BEGIN SOLUTION has no // END SOLUTION"),
                e.getMessage());
    }

    @Test
    void aHelperFileIsCopiedAsItIsButMarkersOutsideAnExerciseAreRejected() {
        String helper = "package org.lstmlab.exercises;\nfinal class Gates {}\n";
        assertEquals(helper, ExerciseGenerator.generate(GradingFixtures.COURSE, "Gates.java", helper));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ExerciseGenerator.generate(
                        GradingFixtures.COURSE,
                        "Helper.java",
                        "class Helper {\n  // BEGIN SOLUTION\n  // END SOLUTION\n}\n"));
        assertTrue(
                e.getMessage().startsWith("Helper.java has solution markers but is not an exercise file"),
                e.getMessage());
        assertTrue(e.getMessage().contains("E3ForgetGate.java"), e.getMessage());
    }

    @Test
    void theExercisesAreFoundWorth122InAllAndEachNamesItsNotebook() {
        assertEquals(122, GradingFixtures.COURSE.maxScore());
        assertEquals(
                List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11"),
                GradingFixtures.COURSE.all().stream().map(GradedExercise::id).toList());
        for (GradedExercise e : GradingFixtures.COURSE.all()) {
            assertTrue(e.notebook().matches("(0[1-69]|10)-[a-z-]+"), e.notebook());
        }
    }

    @Test
    void anUnknownExerciseIdIsRejectedNamingTheOnesThatExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> GradingFixtures.COURSE.byId("E12"));
        assertEquals("no exercise E12: the exercises are E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11", e.getMessage());
    }
}
