package org.lstmlab.grade.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckSeedTest {
    @Test
    void aSeedInTheEnvironmentIsTheSeedOfEveryCheck() {
        assertEquals(20261207L, Check.seed("20261207"));
        assertEquals(7L, Check.seed(" 7 "));
    }

    @Test
    void withoutOneEveryCheckDrawsAFreshSeed() {
        Set<Long> seeds = new HashSet<>();
        for (int k = 0; k < 5; k++) seeds.add(Check.seed(null));
        seeds.add(Check.seed(""));
        assertTrue(seeds.size() > 1, "five unset checks all drew " + seeds);
    }

    @Test
    void aSeedThatIsNotANumberIsRefusedNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.seed("forty-two"));
        assertEquals(
                "LSTMLAB_CHECK_SEED must be a whole number (the seed of the randomised cases) but is \"forty-two\"",
                e.getMessage());
        assertNotNull(e.getCause());
    }
}
