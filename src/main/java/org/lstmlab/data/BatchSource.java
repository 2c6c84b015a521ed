package org.lstmlab.data;

import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Where the training loop takes its batches from: a fixed {@link TrainingSet} shuffled every epoch,
 * or a generator that draws fresh sequences every step (the adding problem). The loop calls
 * {@link #next} with steps 1, 2, 3, … in order and one seeded random source per run, so a run is
 * repeatable from its seed.
 */
@FunctionalInterface
public interface BatchSource {
    /**
     * The batch for one step.
     *
     * @param step      1, 2, 3, … in order within one run
     * @param batchSize B
     * @param random    the run's seeded random source; the only randomness a source may use
     */
    Batch next(int step, int batchSize, SplittableRandom random);

    /** N, the number of examples when the source is a fixed set (so epochs mean something); empty for a generator. */
    default OptionalInt size() {
        return OptionalInt.empty();
    }
}
