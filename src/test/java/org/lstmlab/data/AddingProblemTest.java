package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class AddingProblemTest {
    private static double value(AddingBatch d, int b, int t) {
        return d.xs().getDouble(b, t, 0);
    }

    private static double marker(AddingBatch d, int b, int t) {
        return d.xs().getDouble(b, t, 1);
    }

    @Test
    void modernSequencesHaveTwoMarksOneInEachHalfAndTargetTheirSum() {
        int T = 20;
        AddingBatch d = AddingProblem.modern(T).sample(500, 1);
        assertArrayEquals(new long[] {500, T, 2}, d.xs().shape());
        assertArrayEquals(new long[] {500, 1}, d.ys().shape());
        for (int b = 0; b < d.size(); b++) {
            int ones = 0;
            int[] marked = new int[2];
            for (int t = 0; t < T; t++) {
                double m = marker(d, b, t);
                assertTrue(m == 0 || m == 1, "marker " + m);
                if (m == 1) marked[Math.min(ones++, 1)] = t;
                assertTrue(value(d, b, t) >= 0 && value(d, b, t) < 1);
            }
            assertEquals(2, ones, "two marks in sequence " + b);
            assertTrue(marked[0] < T / 2 && marked[1] >= T / 2, Arrays.toString(marked));
            assertEquals(marked[0], d.firstMarker()[b]);
            assertEquals(marked[1], d.secondMarker()[b]);
            assertEquals(value(d, b, marked[0]) + value(d, b, marked[1]), d.ys().getDouble(b, 0), 1e-15);
        }
    }

    @Test
    void modernMarksReachEveryPositionOfTheirHalf() {
        AddingBatch d = AddingProblem.modern(10).sample(2000, 2);
        var first = new TreeSet<Integer>();
        var second = new TreeSet<Integer>();
        for (int b = 0; b < d.size(); b++) {
            first.add(d.firstMarker()[b]);
            second.add(d.secondMarker()[b]);
        }
        assertEquals(new TreeSet<>(java.util.List.of(0, 1, 2, 3, 4)), first);
        assertEquals(new TreeSet<>(java.util.List.of(5, 6, 7, 8, 9)), second);
    }

    @Test
    void originalSequencesFollowHochreiterAndSchmidhubersMarkerRules() {
        int T = 100;
        var problem = AddingProblem.original(T);
        int firstPairMarked = 0;
        for (long seed = 0; seed < 20; seed++) {
            AddingBatch d = problem.sample(200, seed);
            int L = d.length();
            assertTrue(L >= T && L <= T + T / 10, "length " + L);
            for (int b = 0; b < d.size(); b++) {
                int p1 = d.firstMarker()[b];
                int p2 = d.secondMarker()[b];
                assertTrue(p1 >= 0 && p1 < 10, "X1 is one of the first ten pairs: " + p1);
                assertTrue(p2 >= 0 && p2 < T / 2 && p2 != p1, "X2 is among the first T/2 − 1 unmarked pairs: " + p2);
                for (int t = 0; t < L; t++) {
                    double m = marker(d, b, t);
                    double expected = (t == p1 || t == p2) ? 1.0 : (t == 0 || t == L - 1) ? -1.0 : 0.0;
                    assertEquals(expected, m, "marker at t = " + t);
                    assertTrue(value(d, b, t) >= -1 && value(d, b, t) < 1);
                }
                double x1 = value(d, b, p1);
                double x2 = value(d, b, p2);
                if (p1 == 0) {
                    firstPairMarked++;
                    assertEquals(0.0, x1, "X1 is set to zero when the first pair is marked");
                }
                assertEquals(0.5 + (x1 + x2) / 4.0, d.ys().getDouble(b, 0), 1e-15);
            }
        }
        assertTrue(firstPairMarked > 0, "the rare case occurred and was checked");
    }

    @Test
    void originalLengthsVaryFromBatchToBatchOverTToTPlusATenth() {
        var problem = AddingProblem.original(20);
        var random = new SplittableRandom(3);
        var lengths = new TreeSet<Integer>();
        for (int k = 0; k < 100; k++) lengths.add(problem.sample(2, random).length());
        assertEquals(new TreeSet<>(java.util.List.of(20, 21, 22)), lengths);
        assertEquals(22, problem.maxLength());
    }

    @Test
    void theSameSeedGivesTheSameSequencesAndAnotherSeedOthers() {
        var problem = AddingProblem.modern(15);
        AddingBatch a = problem.sample(8, 42);
        AddingBatch b = problem.sample(8, 42);
        AddingBatch c = problem.sample(8, 43);
        assertEquals(a.xs(), b.xs());
        assertEquals(a.ys(), b.ys());
        assertFalse(a.xs().equals(c.xs()));
    }

    @Test
    void theConstantBaselineIsTheVarianceOfTheTargets() {
        AddingBatch d = AddingProblem.modern(10).sample(4000, 5);
        double[] y = d.ys().toDoubleVector();
        double mean = Arrays.stream(y).average().orElseThrow();
        double variance = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length;
        assertEquals(variance, d.constantBaselineMse(), 1e-12);
        // X1 + X2 with X ~ U[0, 1] has variance 2·(1/12) = 1/6; the sample's is close
        assertEquals(2.0 / 12, d.constantBaselineMse(), 0.01);
    }

    @Test
    void theOriginalBaselineIsSmallerBecauseTheTargetIsScaled() {
        AddingBatch d = AddingProblem.original(30).sample(20000, 6);
        // Var(0.5 + (X1 + X2)/4) = (Var X1 + Var X2)/16; X ~ U[−1, 1] has variance 1/3, and X1 is 0 in a tenth of the
        // cases
        double expected = (0.9 / 3 + 1.0 / 3) / 16;
        assertEquals(expected, d.constantBaselineMse(), 0.002);
    }

    @Test
    void asABatchSourceItDrawsAFreshBatchEveryStep() {
        var problem = AddingProblem.modern(12);
        var random = new SplittableRandom(1);
        Batch first = problem.next(1, 4, random);
        Batch second = problem.next(2, 4, random);
        assertArrayEquals(new long[] {4, 12, 2}, first.xs().shape());
        assertFalse(first.xs().equals(second.xs()));
    }

    @Test
    void floatDataOnRequest() {
        AddingBatch d = AddingProblem.modern(5).withDataType(DataType.FLOAT).sample(3, 1);
        assertEquals(DataType.FLOAT, d.xs().dataType());
        assertEquals(DataType.FLOAT, d.ys().dataType());
    }

    @Test
    void tooShortSequencesAreRejectedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> AddingProblem.original(10));
        assertTrue(e.getMessage().startsWith("the original adding problem needs T ≥ 11"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddingProblem.modern(1));
        var b = assertThrows(
                IllegalArgumentException.class, () -> AddingProblem.modern(5).sample(0, 1));
        assertEquals("batch size B must be at least 1 but is 0", b.getMessage());
    }
}
