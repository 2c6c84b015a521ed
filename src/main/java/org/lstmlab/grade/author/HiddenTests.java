package org.lstmlab.grade.author;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a JUnit 5 test class the hidden tests of an exercise: tests a student's own check never runs and a
 * student edition never carries (neither source nor class), which {@code ./lab grade} and the Gradescope bundle
 * run with the exercise's visible tests. The class lives in {@code src/hidden/java}, package
 * {@code org.lstmlab.exercises}; its tests take the exercise's nested interface, every {@link Points} is
 * {@link Visibility#HIDDEN} (or shown after the due date), they add up to {@link Exercise#hiddenPoints()}, and
 * no method shares a name with one of the visible class.
 *
 * <pre>{@code
 * @HiddenTests(E3ForgetGateTest.class)
 * class E3ForgetGateHiddenTest {
 *     @ParameterizedTest @RandomisedCases(value = 2, first = 101) @Points(value = 2, visibility = Visibility.HIDDEN)
 *     void largeInputsSaturateTheGate(Draw draw, E3ForgetGateTest.E3ForgetGate student) { ... }
 * }
 * }</pre>
 *
 * (The library's Javadoc ships in every edition, so it names no real hidden test.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StudentCodeExtension.class)
@TestMethodOrder(SourceOrder.class)
@DisplayNameGeneration(Sentences.class)
public @interface HiddenTests {
    /** The exercise's visible test class, the one annotated {@link Exercise}. */
    Class<?> value();
}
