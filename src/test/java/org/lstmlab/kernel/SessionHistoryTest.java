package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {

    final SessionHistory history = new SessionHistory();
    final Set<ResultFlag> none = EnumSet.noneOf(ResultFlag.class);

    SessionHistoryTest() {
        history.add(1, "int x = 6 * 7;", null);
        history.add(2, "x", "42");
        history.add(3, "x + 1", "43");
        history.add(4, "x", "42");
    }

    static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void tailGivesTheLastCellsInOrder() {
        assertEquals(List.of("x + 1", "x"), inputs(history.lookupTail(2, none)));
        assertEquals(4, history.lookupTail(0, none).size(), "n = 0: all");
    }

    @Test
    void rangeGivesCellsFromStartToBeforeStopOfThisSession() {
        assertEquals(List.of("x", "x + 1"), inputs(history.lookupRange(0, 2, 4, none)));
        assertEquals(List.of("x + 1", "x"), inputs(history.lookupRange(SessionHistory.SESSION, 3, 0, none)));
        assertTrue(history.lookupRange(-1, 1, 0, none).isEmpty(), "no earlier sessions");
    }

    @Test
    void outputsComeOnlyWhenAskedFor() {
        assertEquals(null, history.lookupTail(1, none).get(0).getOutput());
        assertEquals(
                "42",
                history.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT))
                        .get(0)
                        .getOutput());
        assertEquals(SessionHistory.SESSION, history.lookupTail(1, none).get(0).getSession());
        assertEquals(4, history.lookupTail(1, none).get(0).getCellNumber());
    }

    @Test
    void searchMatchesAGlobAndUniqueKeepsTheLatestOfEqualInputs() {
        assertEquals(List.of("x", "x + 1", "x"), inputs(history.search("x*", 10, none)));
        assertEquals(List.of("x + 1", "x"), inputs(history.search("x*", 10, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("int x = 6 * 7;"), inputs(history.search("int ? = *", 10, none)));
        assertEquals(4, history.search("", 0, none).size(), "an empty pattern matches everything");
    }

    @Test
    void theReplyCarriesProtocolTuplesWithTheOutputPairedWithTheInput() {
        var content = SessionHistory.replyContent(history.lookupTail(2, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)));
        assertEquals("ok", content.get("status"));
        assertEquals(
                List.of(List.of(1, 3, List.of("x + 1", "43")), List.of(1, 4, List.of("x", "42"))),
                content.get("history"));
        assertEquals(
                List.of(List.of(1, 1, "int x = 6 * 7;")),
                SessionHistory.replyContent(history.lookupRange(0, 1, 2, none)).get("history"));
    }
}
