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
 * Makes a JUnit 5 test class a graded exercise, and says what the exercise is. The class lives in
 * package {@code org.lstmlab.exercises} under {@code src/grading/java}, next to nothing else: the
 * grader finds it there. It declares one nested interface named like the student's class (e.g.
 * {@code interface E3ForgetGate}) with the methods the student implements, each with
 * {@link Computes}; a test that takes that interface as a parameter gets the student's code, every
 * call of which runs in the sandbox. Every test carries {@link Points}, and the points add up to
 * {@link #points()} less {@link #hiddenPoints()}, which are the tests of its {@link HiddenTests} class (in
 * {@code src/hidden/java}). Tests run in the order they are written.
 *
 * <pre>{@code
 * @Exercise(id = "E3", title = "forget gate", points = 8, notebook = "02-forget-gate",
 *         mustNotUse = "org.lstmlab.nn.LstmCell")
 * class E3ForgetGateTest { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StudentCodeExtension.class)
@TestMethodOrder(SourceOrder.class)
@DisplayNameGeneration(Sentences.class)
public @interface Exercise {
    /** {@code "E1"}, {@code "E2"}, …: orders the exercises and numbers their tests in results.json. */
    String id();

    /** A few words, e.g. {@code "forget gate"}. */
    String title();

    /** What the exercise is worth; its tests' {@link Points} add up to it. */
    int points();

    /** The notebook that explains it, e.g. {@code "02-forget-gate"}. */
    String notebook();

    /**
     * Library code that computes the exercise's answer, which the student's classes must not name:
     * classes ({@code "org.lstmlab.nn.LstmCell"}) or packages ending in a dot ({@code "org.lstmlab.grad."}).
     * The sandbox holds none of the library's implementations anyway; this gives the clearer message.
     */
    String[] mustNotUse() default {};

    /**
     * The points of the exercise's {@link HiddenTests} class, part of {@link #points()}: a student edition carries
     * the number, so a student's check can say what is graded at submission, but not the tests.
     */
    int hiddenPoints() default 0;
}
