package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeFeaturesTest {
    private static String marks(double[] f) {
        StringBuilder s = new StringBuilder();
        for (double v : f) s.append((int) v);
        return s.toString();
    }

    @Test
    void stringsCommentsAndDepthsFollowTheCode() {
        String code = "f(\"a}\\\"\") { x; // c {\n} /* d */";
        Map<String, double[]> f = CodeFeatures.of(code);
        assertEquals("0011111100000000000000000000000", marks(f.get(CodeFeatures.IN_STRING)));
        assertEquals("0000000000000001111111001111111", marks(f.get(CodeFeatures.IN_COMMENT)));
        assertEquals("0000000000111111111111000000000", marks(f.get(CodeFeatures.BRACE_DEPTH)));
        assertEquals("0111111100000000000000000000000", marks(f.get(CodeFeatures.PAREN_DEPTH)));
        double[] column = f.get(CodeFeatures.COLUMN);
        assertEquals(21, column[21], "the line break is at column 21");
        assertEquals(0, column[22], "the next line starts at 0");
    }

    @Test
    void correlationIsPearsonsAndZeroForAConstant() {
        assertEquals(1.0, CodeFeatures.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-15);
        assertEquals(-1.0, CodeFeatures.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        assertEquals(0.0, CodeFeatures.correlation(new double[] {1, 2, 3}, new double[] {5, 5, 5}));
        assertArrayEquals(new double[0], CodeFeatures.of("").get(CodeFeatures.COLUMN));
    }
}
