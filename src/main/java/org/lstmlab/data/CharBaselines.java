package org.lstmlab.data;

/**
 * What a character model must beat, in bits per character on held-out text: the unigram model (each
 * character by its frequency in the training text) and the bigram model (by its frequency after the
 * previous character). Counts start at one (Laplace's add-one smoothing), so a pair the training text
 * never shows still has a probability.
 */
public final class CharBaselines {
    private CharBaselines() {}

    /**
     * −mean log₂ p(c) over the held-out text, p from the training counts plus one.
     *
     * @param vocabulary V, the number of possible characters
     */
    public static double unigramBitsPerChar(int[] train, int[] heldOut, int vocabulary) {
        requireText("held-out", heldOut, 1);
        double[] counts = new double[vocabulary];
        java.util.Arrays.fill(counts, 1);
        for (int c : train) counts[c]++;
        double total = train.length + vocabulary;
        double bits = 0;
        for (int c : heldOut) bits -= log2(counts[c] / total);
        return bits / heldOut.length;
    }

    /**
     * −mean log₂ p(c_t | c_{t−1}) over the held-out text from its second character on, p from the training
     * pair counts plus one.
     */
    public static double bigramBitsPerChar(int[] train, int[] heldOut, int vocabulary) {
        requireText("held-out", heldOut, 2);
        double[][] counts = new double[vocabulary][vocabulary];
        double[] rows = new double[vocabulary];
        for (double[] row : counts) java.util.Arrays.fill(row, 1);
        java.util.Arrays.fill(rows, vocabulary);
        for (int k = 1; k < train.length; k++) {
            counts[train[k - 1]][train[k]]++;
            rows[train[k - 1]]++;
        }
        double bits = 0;
        for (int k = 1; k < heldOut.length; k++) {
            bits -= log2(counts[heldOut[k - 1]][heldOut[k]] / rows[heldOut[k - 1]]);
        }
        return bits / (heldOut.length - 1);
    }

    private static double log2(double p) {
        return Math.log(p) / Math.log(2);
    }

    private static void requireText(String name, int[] ids, int least) {
        if (ids == null || ids.length < least) {
            throw new IllegalArgumentException("the " + name + " text needs at least " + least + " characters but has "
                    + (ids == null ? 0 : ids.length));
        }
    }
}
