package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lstmlab.data.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainingSetTest {
    /** Ten sequences whose every entry is the sequence's index, so a batch shows which examples it holds. */
    private static TrainingSet indexed() {
        INDArray xs = Nd4j.create(DataType.DOUBLE, 10, 3, 2);
        INDArray ys = Nd4j.create(DataType.DOUBLE, 10, 1);
        for (int n = 0; n < 10; n++) {
            xs.slice(n).assign(n);
            ys.putScalar(n, 0, n);
        }
        return new TrainingSet(xs, ys);
    }

    private static List<Integer> epoch(TrainingSet set, int firstStep, SplittableRandom random) {
        List<Integer> seen = new ArrayList<>();
        for (int step = firstStep; step < firstStep + set.batchesPerEpoch(4); step++) {
            Batch b = set.next(step, 4, random);
            for (int r = 0; r < b.size(); r++) {
                assertEquals(b.ys().getDouble(r, 0), b.xs().getDouble(r, 2, 1), "inputs and targets stay paired");
                seen.add((int) b.ys().getDouble(r, 0));
            }
        }
        return seen;
    }

    @Test
    void everyEpochServesEveryExampleOnceInANewOrder() {
        TrainingSet set = indexed();
        var random = new SplittableRandom(1);
        List<Integer> first = epoch(set, 1, random);
        List<Integer> second = epoch(set, 4, random);
        assertEquals(10, first.size(), "⌈10/4⌉ = 3 batches of 4, 4 and 2");
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                first.stream().sorted().mapToInt(i -> i).toArray());
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                second.stream().sorted().mapToInt(i -> i).toArray());
        assertNotEquals(first, second);
    }

    @Test
    void theSameSeedServesTheSameOrder() {
        assertEquals(epoch(indexed(), 1, new SplittableRandom(9)), epoch(indexed(), 1, new SplittableRandom(9)));
    }
}
