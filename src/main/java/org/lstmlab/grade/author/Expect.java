package org.lstmlab.grade.author;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Assertions whose messages are feedback for a student, in the course's symbols: what was expected,
 * what came, and where the likely mistake is. Values are compared in float64 with an absolute
 * tolerance of 1e-6 plus a relative one of 1e-5 — the inputs are float64, so only rounding may differ.
 */
public final class Expect {
    /** Absolute tolerance. */
    public static final double ATOL = 1e-6;
    /** Relative tolerance. */
    public static final double RTOL = 1e-5;

    private Expect() {}

    /**
     * A wrong answer a student might give, and what to tell them when theirs equals it.
     *
     * @param answer computes what the mistake gives; called only when the student's answer is wrong
     * @param hint in the student's language ({@link Say}), e.g. {@code say("hint.missesBias", "f_t", "b_f")}
     */
    public record Mistake(Supplier<INDArray> answer, String hint) {}

    /**
     * The failure of an answer that equals a {@link Mistake}: its message ends with the case, its {@link #hint()}
     * does not, so the same mistake reads the same for every student and case (the class report counts them).
     */
    public static final class Diagnosed extends org.opentest4j.AssertionFailedError {
        private static final long serialVersionUID = 1L;
        private final String hint;

        Diagnosed(String hint, Object where) {
            super(hint + " (" + where + ")");
            this.hint = hint;
        }

        /** The mistake's hint, e.g. {@code "f_t misses the bias b_f"}. */
        public String hint() {
            return hint;
        }
    }

    /** A {@link Mistake}. */
    public static Mistake mistake(Supplier<INDArray> answer, String hint) {
        return new Mistake(answer, hint);
    }

    /**
     * Passes when {@code actual} has the shape of {@code expected} and every value is close; otherwise
     * fails with the hint of the first mistake {@code actual} equals, or else with the first value
     * that differs. Every message ends with the case, e.g. {@code (fixed case (seed 7, B=2, X=3, H=4))}.
     *
     * @param symbol how the value is written in the course, e.g. {@code "f_t"}
     * @param where the case, usually a {@link Draw}
     */
    public static void close(String symbol, INDArray expected, INDArray actual, Object where, Mistake... mistakes) {
        String problem = difference(symbol, expected, actual);
        if (problem == null) {
            return;
        }
        for (Mistake m : mistakes) {
            if (isClose(m.answer().get(), actual)) {
                throw new Diagnosed(m.hint(), where);
            }
        }
        Assertions.fail(problem + " (" + where + ")");
    }

    /** Whether the two have the same shape and close values. */
    public static boolean isClose(INDArray expected, INDArray actual) {
        return difference("", expected, actual) == null;
    }

    /** Passes when {@code actual} has the given shape. */
    public static void shape(String symbol, INDArray actual, Object where, long... shape) {
        if (!Arrays.equals(actual.shape(), shape)) {
            Assertions.fail(Say.say("expect.shape", symbol, Arrays.toString(shape), Arrays.toString(actual.shape()))
                    + " (" + where + ")");
        }
    }

    /**
     * Passes when every value lies strictly between {@code lo} and {@code hi}.
     *
     * @param hint what to tell the student otherwise ({@link Say}), e.g. {@code say("hint.tanhForSigma")}
     */
    public static void between(String symbol, INDArray actual, double lo, double hi, String hint, Object where) {
        double[] v = doubles(actual);
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] > lo && v[k] < hi)) {
                Assertions.fail(Say.say(
                                "expect.outside",
                                symbol,
                                number(lo),
                                number(hi),
                                fmt(v[k]),
                                index(actual.shape(), k),
                                hint)
                        + " (" + where + ")");
            }
        }
    }

    /**
     * Runs {@code check} on each randomised case and fails if one fails: an answer right on the fixed
     * case only was hard-coded, or depends on the example's sizes, and its fixed-case points count
     * for nothing. A call that gave no answer at all fails with its own message.
     */
    public static void notHardCoded(List<Draw> randomised, Consumer<Draw> check) {
        for (int k = 0; k < randomised.size(); k++) {
            try {
                check.accept(randomised.get(k));
            } catch (StudentCodeFailed noAnswer) {
                throw noAnswer;
            } catch (AssertionError wrong) {
                Assertions.fail(Say.say("expect.hardCoded", k + 1, randomised.get(k)));
            }
        }
    }

    /** Null when the two agree within tolerance; otherwise the first difference, in course symbols. */
    public static String difference(String symbol, INDArray expected, INDArray actual) {
        String name = symbol.isEmpty() ? Say.say("expect.theResult") : symbol;
        long[] s = expected.shape();
        long[] a = actual.shape();
        if (!Arrays.equals(s, a)) {
            boolean transposed = s.length == 2 && a.length == 2 && a[0] == s[1] && a[1] == s[0];
            return Say.say(
                    transposed ? "expect.shapeTransposed" : "expect.shape",
                    name,
                    Arrays.toString(s),
                    Arrays.toString(a));
        }
        double[] e = doubles(expected);
        double[] g = doubles(actual);
        for (int k = 0; k < e.length; k++) {
            if (Double.isNaN(g[k]) || Double.isInfinite(g[k])) {
                return Say.say("expect.notFinite", name, g[k], index(s, k));
            }
            if (!(Math.abs(g[k] - e[k]) <= ATOL + RTOL * Math.abs(e[k]))) {
                return Say.say("expect.wrongAt", name, index(s, k), fmt(e[k]), fmt(g[k]));
            }
        }
        return null;
    }

    public static double[] doubles(INDArray a) {
        return a.length() == 0
                ? new double[0]
                : a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** The index of a flat position, e.g. {@code [1, 0]}. */
    static String index(long[] shape, int flat) {
        long[] idx = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = rest % Math.max(1, shape[d]);
            rest /= Math.max(1, shape[d]);
        }
        return Arrays.toString(idx);
    }

    /** Six significant digits, e.g. {@code 0.908713}. */
    public static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : fmt(v);
    }
}
