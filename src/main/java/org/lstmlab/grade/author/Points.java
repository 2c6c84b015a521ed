package org.lstmlab.grade.author;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one graded check is worth, and who sees it. On a {@code @ParameterizedTest} or
 * {@code @RepeatedTest} the points are earned when every invocation passes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** The points, ≥ 0. */
    int value();

    /** Gradescope's visibility of the test; a student's own check runs only {@link Visibility#VISIBLE} tests. */
    Visibility visibility() default Visibility.VISIBLE;
}
