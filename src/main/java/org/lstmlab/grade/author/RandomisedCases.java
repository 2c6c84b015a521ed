package org.lstmlab.grade.author;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a {@code @ParameterizedTest} one {@link Draw} per randomised case, drawn from the run's seed,
 * so each run of the grader tries fresh inputs and prints the seeds to reproduce them:
 *
 * <pre>{@code
 * @ParameterizedTest(name = "randomised case {index} ({0})")
 * @RandomisedCases(3)
 * @Points(3)
 * void randomisedCases(Draw draw, E3ForgetGate student) { ... }
 * }</pre>
 *
 * The same draws are {@link Draws#randomised(int)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ArgumentsSource(RandomisedCases.Provider.class)
public @interface RandomisedCases {
    /** How many cases. */
    int value();

    /**
     * The number of the first case: case k has seed {@code run seed + k}. A hidden test starts past the visible
     * tests' cases (e.g. at 101), so it tries inputs that no check has shown.
     */
    int first() default 1;

    /** Draws the cases from the seed of the run. */
    final class Provider implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(
                ParameterDeclarations parameters, ExtensionContext context) {
            RandomisedCases cases = AnnotationSupport.findAnnotation(
                            context.getRequiredTestMethod(), RandomisedCases.class)
                    .orElseThrow();
            return StudentCodeExtension.draws(context).randomised(cases.first(), cases.value()).stream()
                    .map(Arguments::of);
        }
    }
}
