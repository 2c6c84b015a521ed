package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutputIdsTest {

    @Test
    void withoutTheSwitchEveryIdIsRandomInTheShapesJupyterUses() {
        OutputIds ids = OutputIds.of(Map.of());
        String display = ids.display();
        assertEquals(display, UUID.fromString(display).toString());
        assertNotEquals(display, ids.display());
        String comm = ids.comm();
        assertTrue(comm.matches("[0-9a-f]{32}"), comm);
        assertNotEquals(comm, ids.comm());
        assertNotEquals(OutputIds.of(Map.of(OutputIds.SEQUENTIAL, "0")).comm(), "00000000000000000000000000000001");
    }

    @Test
    void withTheSwitchTwoRunsDrawTheSameIdsCountedFromOneInTheSameShapes() {
        OutputIds first = OutputIds.of(Map.of(OutputIds.SEQUENTIAL, "1"));
        OutputIds again = OutputIds.of(Map.of(OutputIds.SEQUENTIAL, "1"));
        List<String> drawn = List.of(first.display(), first.comm(), first.display(), first.comm());
        assertEquals(List.of(again.display(), again.comm(), again.display(), again.comm()), drawn);
        assertEquals(
                List.of(
                        "00000000-0000-4000-8000-000000000001",
                        "00000000000000000000000000000001",
                        "00000000-0000-4000-8000-000000000002",
                        "00000000000000000000000000000002"),
                drawn);
        assertEquals(drawn.get(0), UUID.fromString(drawn.get(0)).toString());
    }
}
