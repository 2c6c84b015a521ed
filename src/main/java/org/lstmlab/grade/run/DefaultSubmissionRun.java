package org.lstmlab.grade.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.grade.author.GradingRun;
import org.lstmlab.grade.sandbox.Limits;

/**
 * The course's reference solutions graded the way an IDE or the test suite runs the exercise classes: the
 * submission is {@code solutions/} (or the folder the configuration parameter {@code lstmlab.submission} names),
 * the seed {@code lstmlab.seed} or a random one that is printed. Found by the authoring API's extension through
 * {@code META-INF/services}.
 */
public final class DefaultSubmissionRun implements GradingRun.DefaultOpener {
    @Override
    public GradingRun.Default open(ExtensionContext context) {
        Path home = CourseFolder.withExercises();
        Path submission = context.getConfigurationParameter("lstmlab.submission")
                .map(Path::of)
                .orElse(home.resolve("solutions"));
        long seed = context.getConfigurationParameter("lstmlab.seed")
                .map(Long::parseLong)
                .orElseGet(Grader::randomSeed);
        ExerciseCatalog catalog =
                ExerciseCatalog.discover(context.getRequiredTestClass().getClassLoader());
        try {
            Grader grader = new Grader(catalog, Limits.defaults());
            System.out.println("LSTM Lab: grading " + submission + " with seed " + seed + " (-Dlstmlab.seed=" + seed
                    + " repeats it)");
            SubmissionRun run = grader.open(submission.getFileName().toString(), submission, catalog.all(), seed);
            return new GradingRun.Default() {
                @Override
                public GradingRun run() {
                    return run;
                }

                @Override
                public void close() {
                    try {
                        run.close();
                    } finally {
                        grader.close();
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not grade " + submission, e);
        }
    }
}
