package org.lstmlab.grade;

import java.util.Arrays;
import java.util.Map;
import org.lstmlab.grade.child.Tensor;
import org.lstmlab.grade.child.Wire;

/** Compares what a submission returned with what was expected and says what went wrong, in course symbols. */
final class Judge {
    /** Absolute and relative tolerance: float64 inputs, so only rounding may differ. */
    static final double ATOL = 1e-6;

    static final double RTOL = 1e-5;

    private Judge() {}

    /** Null when the call returned; otherwise why it did not, for the student. */
    static String ran(Plan plan, Plan.Case c, Wire.Outcome o) {
        Exercise e = plan.exercise;
        if (o == null) return plan.stopped;
        switch (o.status()) {
            case RETURNED:
                return null;
            case THREW: {
                String m = o.message();
                if (m.contains("is not implemented yet")) {
                    if (m.contains(e.id() + " (")) {
                        return "not implemented yet: replace the TODO in " + e.className() + "." + c.method() + " with "
                                + e.equations().get(c.method()) + " (notebook " + e.notebook() + ")";
                    }
                    int from =
                            m.indexOf("UnsupportedOperationException: ") + "UnsupportedOperationException: ".length();
                    int to = m.indexOf(" is not implemented yet");
                    String other = from > 30 && from < to ? m.substring(from, to) : "another exercise";
                    return e.id() + " calls an exercise that is not implemented yet (" + other + "): do that one first";
                }
                if (m.contains("OutOfMemoryError") || m.contains("Allocation failed") || m.contains("bad_alloc")) {
                    return e.className() + "." + c.method() + " ran out of memory (" + m.split("\n")[0]
                            + "): the grader limits heap and ND4J memory; does it allocate a huge array?";
                }
                return e.className() + "." + c.method() + " threw " + m;
            }
            default:
                return o.message();
        }
    }

    /** Null when the outcome matches the case; otherwise the most useful thing to tell the student. */
    static String compare(Plan plan, Plan.Case c, Wire.Outcome o) {
        String notRun = ran(plan, c, o);
        if (notRun != null) return notRun;
        String mismatch = mismatch(c, c.expected(), o.outputs());
        if (mismatch == null) return null;
        for (Plan.Alternative alt : c.alternatives()) {
            if (mismatch(c, alt.outputs(), o.outputs()) == null) return alt.hint() + " (" + c.label() + ")";
        }
        return mismatch + " (" + c.label() + ")";
    }

    /** Null when {@code actual} has every expected output, of the right shape and close enough. */
    static String mismatch(Plan.Case c, Map<String, Tensor> expected, Map<String, Tensor> actual) {
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            String sym = c.symbols().getOrDefault(e.getKey(), e.getKey());
            Tensor a = actual.get(e.getKey());
            if (a == null) return "returned no " + sym;
            String m = differs(sym, e.getValue(), a);
            if (m != null) return m;
        }
        return null;
    }

    /** Null when the two agree within tolerance; otherwise a message naming the first difference. */
    static String differs(String symbol, Tensor expected, Tensor actual) {
        if (!expected.sameShape(actual)) {
            String hint = "";
            long[] s = expected.shape();
            if (s.length == 2 && actual.shape().length == 2 && actual.shape()[0] == s[1] && actual.shape()[1] == s[0]) {
                hint = ": rows are examples, so compute [h_{t-1}, x_t] · Wᵀ (transposed result?)";
            }
            return name(symbol) + " must have shape " + expected.shapeText() + " but has " + actual.shapeText() + hint;
        }
        double[] e = expected.data();
        double[] a = actual.data();
        for (int k = 0; k < e.length; k++) {
            if (Double.isNaN(a[k]) || Double.isInfinite(a[k])) {
                return name(symbol) + " has " + a[k] + " at " + index(expected.shape(), k);
            }
            if (!(Math.abs(a[k] - e[k]) <= ATOL + RTOL * Math.abs(e[k]))) {
                return name(symbol) + " is wrong at " + index(expected.shape(), k) + ": expected " + fmt(e[k])
                        + ", got " + fmt(a[k]);
            }
        }
        return null;
    }

    static boolean close(Tensor expected, Tensor actual) {
        return differs("", expected, actual) == null;
    }

    static String index(long[] shape, int flat) {
        long[] idx = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = rest % Math.max(1, shape[d]);
            rest /= Math.max(1, shape[d]);
        }
        return Arrays.toString(idx);
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    private static String name(String symbol) {
        return symbol.isEmpty() ? "the result" : symbol;
    }
}
