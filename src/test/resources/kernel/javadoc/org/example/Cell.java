package org.example;

import java.util.List;
import java.util.Map;

/**
 * A cell for the {@link JavadocIndexer}'s tests, with {@code code}, an &lt;entity&gt; and a list:
 * <ul>
 *   <li>first item</li>
 *   <li>second item,
 *       continued</li>
 * </ul>
 *
 * <pre>{@code
 * var cell = new Cell(3);
 * cell.step(x);   // [B, X]
 * }</pre>
 */
public class Cell {
    /** The hidden size H. */
    public static final int H = 4;

    /**
     * Makes a cell.
     *
     * @param size H
     */
    public Cell(int size) {}

    /**
     * One step; see {@link #step(double[], Map)} and {@link org.example.Cell#H}.
     *
     * @param x x_t, {@code [B, X]}
     * @return h_t, {@code [B, H]}
     * @throws IllegalArgumentException when x is not [B, X]
     */
    public double[] step(double[] x) {
        return x;
    }

    /**
     * One step with named extras.
     *
     * @param x x_t
     * @param extras by name
     */
    public double[] step(double[] x, Map<String, List<double[]>> extras) {
        return x;
    }

    /** Sums values. @param values any number of them */
    public static double sum(double... values) {
        return 0;
    }

    public void undocumented() {}

    /** How a cell starts. */
    public enum Start {
        /** All zeros. */
        ZEROS,
        RANDOM
    }

    /**
     * What one step kept.
     *
     * @param h hidden state h_t, [B, H]
     * @param c cell state C_t, [B, H]
     */
    public record Step(double[] h, double[] c) {
        static final int KEPT = 2;
    }
}
