package org.lstmlab.grade.run;

import java.util.List;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.report.Diagnosis;

/**
 * Names what a failed test found ({@link Diagnosis}): the hint of the mistake an answer equalled, or what kind of
 * trouble stopped the student's code, read from the failure and from the fixed phrases with which the compiler and
 * the sandbox say it ({@code DiagnosesTest} holds them to what they really say).
 */
final class Diagnoses {
    private Diagnoses() {}

    private static final List<String> RULES = List.of(
            "must be your own code",
            "which graded code cannot use",
            "exercise files must stay in package",
            "graded code must not",
            "not call System.exit or Runtime.halt",
            "left a thread running",
            "is larger than 1 MB");
    private static final List<String> TIMEOUTS = List.of("did not return within", "s together, so grading stopped");

    /**
     * @param cause what the test threw, or null
     * @param message the test's feedback
     */
    static Diagnosis of(Throwable cause, String message) {
        if (cause instanceof Expect.Diagnosed d) {
            return new Diagnosis(Diagnosis.Kind.MISTAKE, d.hint());
        }
        if (!(cause instanceof StudentCodeFailed f)) {
            return new Diagnosis(Diagnosis.Kind.WRONG, withoutCase(message));
        }
        if (f.kind() == StudentCodeFailed.Kind.NOT_IMPLEMENTED) {
            return new Diagnosis(Diagnosis.Kind.NOT_IMPLEMENTED, "not implemented yet");
        }
        if (message.contains(" does not compile:")) {
            return new Diagnosis(Diagnosis.Kind.DOES_NOT_COMPILE, firstCompilerMessage(message));
        }
        if (message.endsWith(" is not in the submission")) {
            return new Diagnosis(Diagnosis.Kind.MISSING, message);
        }
        if (RULES.stream().anyMatch(message::contains)) {
            return new Diagnosis(Diagnosis.Kind.BROKE_RULE, message);
        }
        if (TIMEOUTS.stream().anyMatch(message::contains)) {
            return new Diagnosis(Diagnosis.Kind.TIMED_OUT, message);
        }
        return new Diagnosis(
                f.kind() == StudentCodeFailed.Kind.THREW ? Diagnosis.Kind.THREW : Diagnosis.Kind.STOPPED, message);
    }

    /** {@code E3ForgetGate.java:12: cannot find symbol} from the compiler's errors as the compiler reports them. */
    static String firstCompilerMessage(String message) {
        return message.lines()
                .filter(l -> l.startsWith("  ") && !l.startsWith("    "))
                .map(String::strip)
                .findFirst()
                .orElse(message.lines().findFirst().orElse(message));
    }

    /** A feedback line without the case it ends with, e.g. {@code " (fixed case (seed 7, B=2, X=3, H=4))"}. */
    static String withoutCase(String message) {
        String first = message.lines().findFirst().orElse(message);
        if (!first.endsWith(")")) return first;
        int depth = 0;
        for (int k = first.length() - 1; k > 0; k--) {
            char ch = first.charAt(k);
            if (ch == ')') depth++;
            if (ch == '(' && --depth == 0) {
                return first.charAt(k - 1) == ' ' && first.substring(k).contains("seed")
                        ? first.substring(0, k - 1)
                        : first;
            }
        }
        return first;
    }
}
