package org.lstmlab.grade.author;

/** When a student sees a test's result, in Gradescope's terms. */
public enum Visibility {
    /** Always: the check, the notebook and Gradescope show it. */
    VISIBLE("visible"),
    /** Never: only the instructor sees it; it still counts. */
    HIDDEN("hidden"),
    /** On Gradescope once the due date has passed; not in a student's own check. */
    AFTER_DUE_DATE("after_due_date"),
    /** On Gradescope once the grades are published; not in a student's own check. */
    AFTER_PUBLISHED("after_published");

    private final String gradescope;

    Visibility(String gradescope) {
        this.gradescope = gradescope;
    }

    /** The value of {@code visibility} in results.json, e.g. {@code "after_due_date"}. */
    public String gradescope() {
        return gradescope;
    }
}
