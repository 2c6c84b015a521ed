package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ContinualAddingTest {

    @Test
    void aStreamIsKSequencesWithAStartFlagAndTheRunningSumOfTheCurrentSequenceAsTarget() {
        var stream = new ContinualAdding(6, 3);
        Batch b = stream.sample(4, 11);
        assertArrayEquals(new long[] {4, 18, 3}, b.xs().shape());
        assertArrayEquals(new long[] {4, 18, 1}, b.ys().shape());
        INDArray x = b.xs();
        for (int s = 0; s < 4; s++) {
            double sum = 0;
            int marks = 0;
            for (int t = 0; t < 18; t++) {
                boolean start = t % 6 == 0;
                assertEquals(start ? 1.0 : 0.0, x.getDouble(s, t, 2), "start flag at t = " + t);
                if (start) {
                    assertTrue(t == 0 || marks == 2, "each sequence has two marks");
                    sum = 0;
                    marks = 0;
                }
                if (x.getDouble(s, t, 1) == 1) {
                    sum += x.getDouble(s, t, 0);
                    marks++;
                }
                assertEquals(sum, b.ys().getDouble(s, t, 0), 1e-15, "target at t = " + t);
            }
            assertEquals(2, marks);
        }
        assertTrue(stream.isStart(12) && stream.isEnd(17) && !stream.isEnd(12));
    }

    @Test
    void theSameSeedGivesTheSameStreams() {
        var stream = new ContinualAdding(5, 2);
        assertEquals(stream.sample(3, 4).xs(), stream.sample(3, 4).xs());
        assertTrue(!stream.sample(3, 4).xs().equals(stream.sample(3, 5).xs()));
    }

    @Test
    void badSizesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ContinualAdding(5, 0));
        assertEquals("K (sequences per stream) must be at least 1 but is 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContinualAdding(1, 3));
    }
}
