package org.lstmlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * An exercise's test classes (visible in {@code src/grading/java}, hidden in {@code src/hidden/java}, and the test
 * suite's broken examples) are written with the authoring API alone: an instructor reads {@code grade.author} and
 * the library, nothing of how the grader runs, reports or packs them.
 */
@AnalyzeClasses(packages = "org.lstmlab.exercises")
class ExerciseClassesTest {
    @ArchTest
    static final ArchRule exerciseClassesUseOnlyTheAuthoringApiOfTheGrader = noClasses()
            .that()
            .resideInAPackage("org.lstmlab.exercises..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.lstmlab.grade.run..",
                    "org.lstmlab.grade.report..",
                    "org.lstmlab.grade.edition..",
                    "org.lstmlab.grade.notebook..",
                    "org.lstmlab.grade.sandbox..",
                    "org.lstmlab.kernel..",
                    "org.lstmlab.cli..")
            .because("an exercise is one room: its solution file and its test class, written with grade.author");
}
