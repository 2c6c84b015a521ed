package org.lstmlab.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shape and dtype checks for the library's public entry points, with messages in the course's
 * symbols: {@code W_f must be [H, H+X] = [4, 7] but is [4, 6]}.
 */
public final class Shapes {
    /** A dimension that may take any size; it is shown by its symbol and filled from the actual array. */
    public static final long ANY = -1;

    private Shapes() {}

    /**
     * Fails unless {@code a} has exactly the expected shape.
     *
     * @param symbol   the course symbol of the array, e.g. {@code "W_f"}
     * @param symbolic the expected shape in symbols, e.g. {@code "[H, H+X]"}
     * @param a        the array to check
     * @param expected the expected sizes; {@link #ANY} accepts any size in that position
     * @throws IllegalArgumentException naming the symbol, the expected and the actual shape
     */
    public static void require(String symbol, String symbolic, INDArray a, long... expected) {
        if (a == null) {
            throw new IllegalArgumentException(symbol + " must be " + symbolic + " but is null");
        }
        long[] actual = a.shape();
        boolean ok = actual.length == expected.length;
        for (int k = 0; ok && k < expected.length; k++) {
            ok = expected[k] == ANY || expected[k] == actual[k];
        }
        if (!ok) {
            String filled = describe(expected, actual, symbolic);
            boolean nothingKnown = filled.replace(" ", "").equals(symbolic.replace(" ", ""));
            throw new IllegalArgumentException(symbol + " must be " + symbolic + (nothingKnown ? "" : " = " + filled)
                    + " but is " + Arrays.toString(actual));
        }
    }

    /** Fails unless {@code a} holds the same data type as the parameters it meets. */
    public static void requireType(String symbol, INDArray a, DataType expected) {
        if (a == null) throw new IllegalArgumentException(symbol + " must be a " + expected + " array but is null");
        if (a.dataType() != expected) {
            throw new IllegalArgumentException(symbol + " must be " + expected + " like the parameters but is "
                    + a.dataType() + ": convert it with "
                    + (symbol.contains("∂") ? "" : symbol.replaceAll("[^A-Za-z0-9]", ""))
                    + ".castTo(DataType." + expected + ")");
        }
    }

    /** Fails unless the sequence {@code [B, T, …]} has at least one step. */
    public static void requireSteps(String symbol, INDArray xs) {
        if (xs.size(1) < 1) {
            throw new IllegalArgumentException(
                    symbol + " must have at least one step (T ≥ 1) but is " + Arrays.toString(xs.shape()));
        }
    }

    /** Fails unless a size such as X or H is at least 1. */
    public static void requirePositive(String symbol, long size) {
        if (size < 1) throw new IllegalArgumentException(symbol + " must be ≥ 1 but is " + size);
    }

    /** Fails unless the parameters are to be DOUBLE (the course default) or FLOAT. */
    public static void requireParameterType(DataType dataType) {
        if (dataType != DataType.DOUBLE && dataType != DataType.FLOAT) {
            throw new IllegalArgumentException(
                    "parameters must be DataType.DOUBLE (the course default) or DataType.FLOAT but "
                            + (dataType == null ? "none was given" : "DataType." + dataType + " was given"));
        }
    }

    private static String describe(long[] expected, long[] actual, String symbolic) {
        String[] names = symbolic.replaceAll("[\\[\\]\\s]", "").split(",");
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < expected.length; k++) {
            if (k > 0) s.append(", ");
            if (expected[k] != ANY) s.append(expected[k]);
            else if (actual.length == expected.length) s.append(actual[k]);
            else s.append(k < names.length ? names[k] : "?");
        }
        return s.append(']').toString();
    }
}
