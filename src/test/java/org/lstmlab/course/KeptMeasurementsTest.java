package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.DoubleBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Kept measurements stay under their byte bound, however many distinct values a slider is moved through. */
class KeptMeasurementsTest {

    @Test
    void aFloodOfDistinctValuesKeepsTheBytesHeldUnderTheBound() {
        KeptMeasurements kept = new KeptMeasurements(100_000);
        for (int value = 0; value < 5_000; value++) {
            int v = value;
            kept.get(List.of("curve", v), () -> new double[1_000 + v % 7]); // ~8 KB each, 40 MB in all
            assertTrue(kept.held() <= kept.bound(), "after value " + v + ": " + kept.held() + " bytes held");
        }
        assertTrue(kept.size() >= 10, "the bound should hold about 12 curves, holds " + kept.size());
        assertTrue(kept.held() > kept.bound() / 2, "the bound should be used, holds " + kept.held() + " bytes");
    }

    @Test
    void aValueSeenBeforeIsNotMeasuredAgainUntilTheLeastRecentlyUsedIsDropped() {
        KeptMeasurements kept = new KeptMeasurements(3 * KeptMeasurements.bytes(new double[1_000]) + 500);
        AtomicInteger measured = new AtomicInteger();
        double[] first = kept.get("a", () -> measure(measured));
        kept.get("b", () -> measure(measured));
        kept.get("c", () -> measure(measured));
        assertSame(first, kept.get("a", () -> measure(measured)), "a is kept");
        kept.get("d", () -> measure(measured)); // drops b, the least recently used
        assertEquals(4, measured.get());
        kept.get("a", () -> measure(measured));
        kept.get("c", () -> measure(measured));
        assertEquals(4, measured.get(), "a and c are still kept");
        kept.get("b", () -> measure(measured));
        assertEquals(5, measured.get(), "b was dropped and is measured again");
    }

    @Test
    void aMeasurementLargerThanTheWholeBoundIsReturnedButNotKept() {
        KeptMeasurements kept = new KeptMeasurements(1_000);
        double[] big = kept.get("big", () -> new double[1_000]);
        assertEquals(1_000, big.length);
        assertEquals(0, kept.size());
        assertEquals(0, kept.held());
        var e = assertThrows(IllegalArgumentException.class, () -> new KeptMeasurements(0));
        assertEquals("the bound on kept measurements must be above 0 bytes but is 0", e.getMessage());
    }

    private record Curves(double[] lags, Map<String, double[]> measured) {}

    @Test
    void theBytesCountedIncludeEveryArrayInsideRecordsMapsListsAndBuffers() {
        long curve = KeptMeasurements.bytes(new double[100]);
        assertTrue(curve >= 800, curve + " bytes");
        long curves =
                KeptMeasurements.bytes(new Curves(new double[100], Map.of("a", new double[100], "b", new double[100])));
        assertTrue(curves >= 3 * 800, curves + " bytes");
        assertTrue(KeptMeasurements.bytes(new double[10][100]) >= 10 * 800);
        assertTrue(KeptMeasurements.bytes(List.of(new double[100], new double[100])) >= 2 * 800);
        assertTrue(KeptMeasurements.bytes(DoubleBuffer.wrap(new double[100])) >= 800);
        assertTrue(KeptMeasurements.bytes(Nd4j.zeros(DataType.DOUBLE, 10, 10)) >= 800);
        assertTrue(KeptMeasurements.bytes(Nd4j.zeros(DataType.FLOAT, 10, 10)) >= 400);
    }

    private static double[] measure(AtomicInteger measured) {
        measured.incrementAndGet();
        return new double[1_000];
    }
}
