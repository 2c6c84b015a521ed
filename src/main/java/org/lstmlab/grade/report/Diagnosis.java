package org.lstmlab.grade.report;

/**
 * What a failed test found, in words that are the same for every student and case, so a class's failures can be
 * counted: the hint of a mistake the answer equalled ({@code "f_t misses the bias b_f"}), the compiler's first
 * message, the rule broken.
 *
 * @param kind what went wrong
 * @param text the diagnosis without the case, e.g. {@code "f_t misses the bias b_f"}
 */
public record Diagnosis(Kind kind, String text) {

    /** What went wrong in a failed test. */
    public enum Kind {
        /** The answer equals a common mistake ({@code Expect.mistake}); the text is its hint. */
        MISTAKE,
        /** The method still throws the starter file's TODO exception. */
        NOT_IMPLEMENTED,
        /** The exercise's file is not in the submission. */
        MISSING,
        /** The exercise's file does not compile; the text is the compiler's first message. */
        DOES_NOT_COMPILE,
        /** The code uses what it must not, or did what graded code must not (threads, processes, the network). */
        BROKE_RULE,
        /** A call did not return in time, or the exercise's calls used up their time together. */
        TIMED_OUT,
        /** The sandbox stopped the call otherwise: memory, output, file size, its JVM died. */
        STOPPED,
        /** The student's method threw. */
        THREW,
        /** A wrong answer the tests have no name for. */
        WRONG
    }
}
