package org.lstmlab.data;

/**
 * A split of a series of N time steps into train, validation and test parts, in time order: rows
 * {@code [0, trainEnd)} train, {@code [trainEnd, validationEnd)} validation, {@code [validationEnd, N)}
 * test. Nothing is shuffled, so the model is always judged on time it has not seen.
 *
 * @param length        N, the number of time steps in the series
 * @param trainEnd      first row after the training part
 * @param validationEnd first row after the validation part (the test part starts here)
 */
public record SeriesSplit(int length, int trainEnd, int validationEnd) {
    public SeriesSplit {
        if (!(0 < trainEnd && trainEnd < validationEnd && validationEnd < length)) {
            throw new IllegalArgumentException(
                    "a split needs 0 < trainEnd < validationEnd < N so that every part has rows, but got trainEnd = "
                            + trainEnd + ", validationEnd = " + validationEnd + ", N = " + length);
        }
    }

    /**
     * Splits N steps in time order: the first {@code trainFraction} for training, the next
     * {@code validationFraction} for validation, the rest for test (sizes rounded down).
     *
     * @param length             N
     * @param trainFraction      in (0, 1), e.g. 0.7
     * @param validationFraction in (0, 1), with {@code trainFraction + validationFraction < 1}
     */
    public static SeriesSplit chronological(int length, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0 && validationFraction > 0 && trainFraction + validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "fractions must be > 0 with train + validation < 1 (the rest is test) but are train = "
                            + trainFraction + ", validation = " + validationFraction);
        }
        return new SeriesSplit(length, (int) Math.floor(length * trainFraction), (int)
                Math.floor(length * (trainFraction + validationFraction)));
    }

    /** Number of training rows. */
    public int trainSize() {
        return trainEnd;
    }

    /** Number of validation rows. */
    public int validationSize() {
        return validationEnd - trainEnd;
    }

    /** Number of test rows. */
    public int testSize() {
        return length - validationEnd;
    }
}
