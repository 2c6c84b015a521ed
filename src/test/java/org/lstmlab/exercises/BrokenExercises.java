package org.lstmlab.exercises;

import org.junit.jupiter.api.Test;
import org.lstmlab.grade.author.Computes;
import org.lstmlab.grade.author.Exercise;
import org.lstmlab.grade.author.HiddenTests;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.Visibility;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exercise classes that lack something, for {@code GradedExerciseTest}. Their names do not end in
 * "Test", so neither the grader nor the test suite runs them.
 */
final class BrokenExercises {
    private BrokenExercises() {}

    @Exercise(id = "E20", title = "no points", points = 2, notebook = "01-x")
    static final class MissingPoints {
        interface E20 {
            @Computes("y = x")
            INDArray same(INDArray x);
        }

        @Test
        @Points(2)
        void counted() {}

        @Test
        void uncounted() {}
    }

    @Exercise(id = "E21", title = "wrong sum", points = 5, notebook = "01-x")
    static final class WrongSum {
        interface E21 {
            @Computes("y = x")
            INDArray same(INDArray x);
        }

        @Test
        @Points(2)
        void two() {}

        @Test
        @Points(2)
        void alsoTwo() {}
    }

    @Exercise(id = "E22", title = "no handle", points = 1, notebook = "01-x")
    static final class NoHandle {
        @Test
        @Points(1)
        void one() {}
    }

    @Exercise(id = "E23", title = "no equation", points = 1, notebook = "01-x")
    static final class NoEquation {
        interface E23 {
            INDArray same(INDArray x);
        }

        @Test
        @Points(1)
        void one() {}
    }

    @Exercise(id = "23", title = "bad id", points = 1, notebook = "01-x")
    static final class BadId {
        interface E23 {
            @Computes("y = x")
            INDArray same(INDArray x);
        }

        @Test
        @Points(1)
        void one() {}
    }

    /** Exposes the classes to the grade package's test. */
    public static Class<?>[] all() {
        return new Class<?>[] {MissingPoints.class, WrongSum.class, NoHandle.class, NoEquation.class, BadId.class};
    }

    @Exercise(id = "E24", title = "with hidden tests", points = 5, notebook = "01-x", hiddenPoints = 3)
    static final class WithHidden {
        interface E22 {
            @Computes("y = x")
            INDArray same(INDArray x);
        }

        @Test
        @Points(2)
        void seen() {}
    }

    @HiddenTests(WithHidden.class)
    static final class HiddenButVisible {
        @Test
        @Points(3)
        void shown() {}
    }

    @HiddenTests(WithHidden.class)
    static final class HiddenSameName {
        @Test
        @Points(value = 3, visibility = Visibility.HIDDEN)
        void seen() {}
    }

    @HiddenTests(WithHidden.class)
    static final class HiddenWrongSum {
        @Test
        @Points(value = 2, visibility = Visibility.HIDDEN)
        void unseen() {}
    }
}
