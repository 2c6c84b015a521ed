package org.lstmlab.grade.author;

/**
 * A call of the student's code that gave no answer to check: it threw, is not implemented yet, was
 * stopped by the sandbox (time, memory, output, a rule, its JVM died) or returned something the
 * grader cannot read. The message is the feedback. It fails the test that made the call.
 */
public final class StudentCodeFailed extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind {
        /** The method still throws the starter file's TODO exception. */
        NOT_IMPLEMENTED,
        /** The method threw. */
        THREW,
        /** The sandbox stopped the call: time, memory, output, a rule, or its JVM died. */
        STOPPED,
        /** It returned something that does not fit the exercise's signature. */
        UNREADABLE
    }

    private final Kind kind;

    public StudentCodeFailed(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
