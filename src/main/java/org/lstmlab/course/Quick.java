package org.lstmlab.course;

import java.util.Locale;

/**
 * The course's quick switch, read in this one place: when on, every training loop takes its small
 * size so the test suite and {@code ./lab run-notebooks --quick} run the whole course in minutes,
 * while a student gets the full run by default.
 *
 * <p>It is on when the system property {@code lstmlab.quick} or, if that is not set, the environment
 * variable {@code LSTMLAB_QUICK} is {@code true} or {@code 1}; {@code false}, {@code 0} or unset leave
 * it off; any other value is an error (a typo should not silently run the full course).
 *
 * <pre>{@code
 * int steps = Quick.pick(3000, 200);   // 3000 for a student, 200 in quick mode
 * }</pre>
 */
public final class Quick {
    /** The system property that turns quick mode on. */
    public static final String PROPERTY = "lstmlab.quick";
    /** The environment variable that turns quick mode on when the property is not set. */
    public static final String ENVIRONMENT = "LSTMLAB_QUICK";

    private Quick() {}

    /** Whether quick mode is on. */
    public static boolean isOn() {
        return decide(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT));
    }

    /** {@code quick} in quick mode, {@code full} otherwise. */
    public static int pick(int full, int quick) {
        return isOn() ? quick : full;
    }

    /** {@code quick} in quick mode, {@code full} otherwise. */
    public static long pick(long full, long quick) {
        return isOn() ? quick : full;
    }

    /** {@code quick} in quick mode, {@code full} otherwise. */
    public static double pick(double full, double quick) {
        return isOn() ? quick : full;
    }

    /** A sentence saying which mode is on and how to switch, for a notebook to print. */
    public static String describe() {
        return org.lstmlab.plot.Words.t(
                isOn()
                        ? "quick mode: small training runs (" + PROPERTY + " / " + ENVIRONMENT + " is on)"
                        : "full mode: complete training runs (set " + ENVIRONMENT + "=1 or -D" + PROPERTY
                                + "=true for quick runs)");
    }

    /** The rule: the property wins over the environment; true/1 on, false/0/unset off, anything else an error. */
    static boolean decide(String property, String environment) {
        if (property != null) return parse(property, org.lstmlab.plot.Words.t("system property " + PROPERTY));
        if (environment != null)
            return parse(environment, org.lstmlab.plot.Words.t("environment variable " + ENVIRONMENT));
        return false;
    }

    private static boolean parse(String value, String where) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default ->
                throw new IllegalArgumentException(
                        org.lstmlab.plot.Words.format("%s must be true, 1, false or 0 but is \"%s\"", where, value));
        };
    }
}
