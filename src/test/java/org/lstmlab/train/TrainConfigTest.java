package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void theBuilderChangesOnlyWhatItIsToldAndLeavesTheOriginalAlone() {
        TrainConfig defaults = TrainConfig.defaults();
        TrainConfig changed = defaults.toBuilder().seed(7).batchSize(8).build();
        assertEquals(7, changed.seed());
        assertEquals(8, changed.batchSize());
        assertEquals(defaults.withSeed(7).withBatchSize(8), changed);
        assertEquals(42, defaults.seed(), "records are values: the original keeps its seed");
        assertEquals(defaults, defaults.toBuilder().build());
    }

    @Test
    void stepsAndEpochsReplaceEachOther() {
        TrainConfig byEpochs = TrainConfig.defaults().withEpochs(3);
        assertEquals(0, byEpochs.steps());
        assertEquals(3, byEpochs.epochs());
        TrainConfig bySteps = byEpochs.withSteps(50);
        assertEquals(50, bySteps.steps());
        assertEquals(0, bySteps.epochs());
    }

    @Test
    void theBuilderChecksTheValuesTogetherAsTheConstructorDoes() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainConfig.defaults().toBuilder().epochs(2).build());
        assertEquals(
                "give either steps or epochs as a positive number (the other 0) but got steps = 1000, epochs = 2",
                e.getMessage());
    }
}
