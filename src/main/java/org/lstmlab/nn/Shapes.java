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

    /**
     * One array of a step or a sequence whose first dimension is the batch size B, for
     * {@link #requireBatch}: its symbol, its shape in symbols and the sizes after B.
     *
     * @param symbol   e.g. {@code "h_{t-1}"}
     * @param symbolic e.g. {@code "[B, H]"}
     * @param array    the array to check
     * @param rest     the expected sizes after B; {@link #ANY} accepts any size (e.g. T)
     */
    public record Batched(String symbol, String symbolic, INDArray array, long... rest) {
        /** Whether the array has the right rank and the right sizes after B, whatever its B. */
        boolean fitsApartFromB() {
            if (array == null || array.rank() != rest.length + 1) return false;
            for (int k = 0; k < rest.length; k++) {
                if (rest[k] != ANY && rest[k] != array.size(k + 1)) return false;
            }
            return true;
        }

        long[] expected(long batch) {
            long[] e = new long[rest.length + 1];
            e[0] = batch;
            System.arraycopy(rest, 0, e, 1, rest.length);
            return e;
        }
    }

    /** The array {@code a} as one of the arrays that {@link #requireBatch} checks together. */
    public static Batched batched(String symbol, String symbolic, INDArray a, long... rest) {
        return new Batched(symbol, symbolic, a, rest);
    }

    /**
     * Fails unless every array has its shape and all agree on the batch size B. B is read from
     * the first array whose other sizes are right, so that a transposed or wrong array is the one
     * named, with both shapes: {@code x_t must be [B, X] = [3, 4] but is [4, 3]: B = 3 from h_{t-1}
     * [3, 8] and X = 4 from the parameters; is x_t transposed?}
     *
     * @param arrays the arrays of one call, in the order of its parameters
     * @throws IllegalArgumentException naming the wrong array, the array B came from and both shapes
     */
    public static void requireBatch(Batched... arrays) {
        for (Batched b : arrays) {
            if (b.array() == null) require(b.symbol(), b.symbolic(), null);
        }
        Batched source = null;
        for (Batched b : arrays) {
            if (b.fitsApartFromB()) {
                source = b;
                break;
            }
        }
        for (Batched b : arrays) {
            if (source == null) {
                require(b.symbol(), b.symbolic(), b.array(), b.expected(ANY));
                continue;
            }
            long batch = source.array().size(0);
            long[] actual = b.array().shape();
            boolean ok = b.fitsApartFromB() && actual[0] == batch;
            if (ok) continue;
            boolean sameRank = actual.length == b.rest().length + 1;
            if (!sameRank || actual[0] == batch) {
                boolean openSizes = Arrays.stream(b.rest()).anyMatch(r -> r == ANY);
                require(b.symbol(), b.symbolic(), b.array(), b.expected(sameRank || !openSizes ? batch : ANY));
                continue;
            }
            String expected = describe(b.expected(batch), actual, b.symbolic());
            String because = b.fitsApartFromB()
                    ? ": B = " + batch + " from " + source.symbol() + " "
                            + Arrays.toString(source.array().shape())
                            + ", and every array of the call needs one row per example"
                    : ": B = " + batch + " from " + source.symbol() + " "
                            + Arrays.toString(source.array().shape())
                            + fixedSizes(b)
                            + (transposed(actual, b.expected(batch)) ? "; is " + b.symbol() + " transposed?" : "");
            throw new IllegalArgumentException(b.symbol() + " must be " + b.symbolic() + " = " + expected + " but is "
                    + Arrays.toString(actual) + because);
        }
    }

    /**
     * The checks of a cell's step: every array has its shape, all agree on B ({@link #requireBatch}), and each
     * holds the parameters' data type ({@link #requireType}).
     *
     * @param type   the parameters' data type
     * @param arrays x_t first, then the states, in the order of the call's parameters
     */
    public static void requireStep(DataType type, Batched... arrays) {
        requireBatch(arrays);
        requireTypes(type, arrays);
    }

    /**
     * The checks of a cell's sequence: as {@link #requireStep}, and the first array, {@code x [B, T, X]}, has at
     * least one step ({@link #requireSteps}).
     *
     * @param type   the parameters' data type
     * @param arrays x first, then the initial states, in the order of the call's parameters
     */
    public static void requireSequence(DataType type, Batched... arrays) {
        requireBatch(arrays);
        requireSteps(arrays[0].symbol(), arrays[0].array());
        requireTypes(type, arrays);
    }

    private static void requireTypes(DataType type, Batched... arrays) {
        for (Batched b : arrays) requireType(b.symbol(), b.array(), type);
    }

    /** " and X = 4 from the parameters" for {@code [B, X]}; sizes left open (T) are not named. */
    private static String fixedSizes(Batched b) {
        String[] names = b.symbolic().replaceAll("[\\[\\]\\s]", "").split(",");
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < b.rest().length; k++) {
            if (b.rest()[k] == ANY || k + 1 >= names.length) continue;
            s.append(s.length() == 0 ? "" : ", ")
                    .append(names[k + 1])
                    .append(" = ")
                    .append(b.rest()[k]);
        }
        return s.length() == 0 ? "" : " and " + s + " from the parameters";
    }

    private static boolean transposed(long[] actual, long[] expected) {
        return actual.length == 2 && expected[1] != ANY && actual[0] == expected[1] && actual[1] == expected[0];
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
