package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

class QuickTest {
    @Test
    void trueOrOneTurnsQuickModeOnFromThePropertyOrTheEnvironment() {
        assertTrue(Quick.decide("true", null));
        assertTrue(Quick.decide("1", null));
        assertTrue(Quick.decide(null, "TRUE"));
        assertTrue(Quick.decide(null, "1"));
    }

    @Test
    void unsetFalseOrZeroLeaveItOff() {
        assertFalse(Quick.decide(null, null));
        assertFalse(Quick.decide("false", null));
        assertFalse(Quick.decide(null, "0"));
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertFalse(Quick.decide("0", "1"));
        assertTrue(Quick.decide("1", "0"));
    }

    @Test
    void aTypoIsAnErrorRatherThanASilentFullRun() {
        var e = assertThrows(IllegalArgumentException.class, () -> Quick.decide(null, "yes"));
        assertEquals("environment variable LSTMLAB_QUICK must be true, 1, false or 0 but is \"yes\"", e.getMessage());
    }

    @Test
    @ResourceLock("system property lstmlab.quick")
    void pickTakesTheQuickSizeWhenThePropertyIsSet() {
        String saved = System.getProperty(Quick.PROPERTY);
        try {
            System.setProperty(Quick.PROPERTY, "true");
            assertEquals(200, Quick.pick(3000, 200));
            assertTrue(Quick.describe().startsWith("quick mode"));
            System.setProperty(Quick.PROPERTY, "false");
            assertEquals(3000, Quick.pick(3000, 200));
            assertEquals(0.5, Quick.pick(0.5, 0.1));
        } finally {
            if (saved == null) System.clearProperty(Quick.PROPERTY);
            else System.setProperty(Quick.PROPERTY, saved);
        }
    }
}
