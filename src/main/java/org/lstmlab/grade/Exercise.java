package org.lstmlab.grade;

import java.util.List;
import java.util.Map;

/**
 * One graded exercise: the file students edit and what it is worth.
 *
 * @param id        {@code "E1"} … {@code "E9"}
 * @param title     a few words, e.g. {@code "forget gate"}
 * @param className the class in {@code org.lstmlab.exercises}, e.g. {@code E3ForgetGate}
 * @param points    its share of the 100
 * @param notebook  the notebook that explains it, e.g. {@code 02-forget-gate}
 * @param equations each method to implement and the equation it computes
 * @param uses      the other exercises it calls (E7 composes E3–E6), compiled with it
 */
public record Exercise(
        String id,
        String title,
        String className,
        int points,
        String notebook,
        Map<String, String> equations,
        List<String> uses) {

    public static final String PACKAGE = "org.lstmlab.exercises";

    /** {@code org.lstmlab.exercises.E3ForgetGate}. */
    public String qualifiedName() {
        return PACKAGE + "." + className;
    }

    /** {@code E3ForgetGate.java}. */
    public String fileName() {
        return className + ".java";
    }

    /** The message of the exception a not-yet-implemented method throws. */
    public String todoMessage(String method) {
        return id + " (" + title + ") is not implemented yet: " + className + "." + method + " must compute "
                + equations.get(method) + ". Notebook " + notebook + " explains it.";
    }
}
