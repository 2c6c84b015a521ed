package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SameOutputsTest {
    private static JsonObject notebook(String printed, String png, int count) {
        return JsonParser.parseString("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"# a\"},"
                        + "{\"cell_type\": \"code\", \"execution_count\": " + count
                        + ", \"source\": \"x\", \"outputs\": ["
                        + "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"" + printed + "\"]},"
                        + "{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \"" + png
                        + "\", \"text/plain\": \"chart\"}}]}]}")
                .getAsJsonObject();
    }

    @Test
    void twoRunsThatPrintAndDrawTheSameHaveNoDifferenceWhateverTheirExecutionCounts() {
        assertEquals(
                List.of(), SameOutputs.differences("02", notebook("0.216", "iVBOR", 1), notebook("0.216", "iVBOR", 7)));
    }

    @Test
    void aDifferentPrintedNumberIsNamedWithItsCell() {
        assertEquals(
                List.of("02 cell 2, output 1, stream stdout: smallest 0.216 | then | smallest 0.203"),
                SameOutputs.differences(
                        "02", notebook("smallest 0.216", "iVBOR", 1), notebook("smallest 0.203", "iVBOR", 1)));
    }

    @Test
    void differentImageBytesAreADifference() {
        assertEquals(
                List.of("02 cell 2, output 2, image/png: iVBORa | then | iVBORb"),
                SameOutputs.differences("02", notebook("x", "iVBORa", 1), notebook("x", "iVBORb", 1)));
    }

    /** How many differences two runs that printed {@code first} and then {@code second} have. */
    private static int differences(String first, String second) {
        return SameOutputs.differences("nb", notebook(first, "p", 1), notebook(second, "p", 1))
                .size();
    }

    @Test
    void aDurationIsNoDifferenceButTheLossBesideItIs() {
        assertEquals(
                0,
                differences(
                        "93 steps in 5.4 s (17.1 steps/s), final loss 0.1561; T = 5 trained in 6 s",
                        "93 steps in 12 s (7.8 steps/s), final loss 0.1561; T = 5 trained in 11 s"));
        assertEquals(1, differences("93 steps in 5.4 s, final loss 0.1561", "93 steps in 5.4 s, final loss 0.1562"));
    }

    @Test
    void aTablesColumnOfSecondsIsMaskedInTextAndHtmlButNotItsOtherColumns() {
        String text = " T  |  LSTM MSE  |  LSTM training s  |\n--------------\n 5  |  0.0005  |  2.2  |\n2 rows";
        assertEquals(
                " T  |  LSTM MSE  |  LSTM training s  |\n--------------\n 5  |  0.0005  |T|\n2 rows",
                SameOutputs.wallClock(text));
        String html = "<table><tr><th>T</th><th>LSTM training s</th></tr><tr><td>5</td><td>2.2</td></tr></table>";
        assertEquals(
                "<table><tr><th>T</th><th>LSTM training s</th></tr><tr><td>5</td><td>T</td></tr></table>",
                SameOutputs.wallClock(html));
    }

    @Test
    void aThroughputIsNoDifferenceButTheNumberBesideItIs() {
        assertEquals(0, differences("40 steps in 1.2 s, 9914 characters/s", "40 steps in 3.1 s, 5006 characters/s"));
        assertEquals(0, differences("40 bước trong 1.2 s, 9914 ký tự/s", "40 bước trong 3.1 s, 5006 ký tự/s"));
        assertEquals(1, differences("bits 2.128, 9914 characters/s", "bits 2.129, 9914 characters/s"));
    }

    @Test
    void aDisplaysIdIsADifference() {
        // run-notebooks counts display ids (LSTMLAB_SEQUENTIAL_IDS): a new one is a change, not noise
        assertEquals(1, differences("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"));
        assertEquals(1, differences("8bb24892-fe62-45bb-a988-54b74b053b1d", "70e1cd1d-7763-4adc-8174-c7ec8e43c218"));
    }

    @Test
    void theVietnameseHeadingsOfSecondsAreMaskedToo() {
        String html = "<table><tr><th>T</th><th>LSTM huấn luyện (s)</th><th>số giây huấn luyện mỗi seed</th>"
                + "<th>LSTM MSE</th></tr><tr><td>5</td><td>2.2</td><td>7.5</td><td>0.0005</td></tr></table>";
        assertEquals(
                "<table><tr><th>T</th><th>LSTM huấn luyện (s)</th><th>số giây huấn luyện mỗi seed</th>"
                        + "<th>LSTM MSE</th></tr><tr><td>5</td><td>T</td><td>T</td><td>0.0005</td></tr></table>",
                SameOutputs.wallClock(html));
    }

    @Test
    void aWidgetsViewIsComparedWholeItsModelIdIncluded() {
        String view = "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x\", \"outputs\": [{\"output_type\":"
                + " \"display_data\", \"metadata\": {}, \"data\": {\"application/vnd.jupyter.widget-view+json\":"
                + " {\"model_id\": \"%s\", \"version_major\": %d}}}]}]}";
        JsonObject first = JsonParser.parseString(String.format(view, "00000000000000000000000000000001", 2))
                .getAsJsonObject();
        JsonObject again = JsonParser.parseString(String.format(view, "00000000000000000000000000000001", 2))
                .getAsJsonObject();
        JsonObject otherModel = JsonParser.parseString(String.format(view, "00000000000000000000000000000002", 2))
                .getAsJsonObject();
        JsonObject otherVersion = JsonParser.parseString(String.format(view, "00000000000000000000000000000001", 3))
                .getAsJsonObject();
        assertEquals(List.of(), SameOutputs.differences("01", first, again));
        assertEquals(1, SameOutputs.differences("01", first, otherModel).size());
        assertEquals(1, SameOutputs.differences("01", first, otherVersion).size());
    }

    @Test
    void aStreamCutIntoSeveralOutputsIsTheSameStream() {
        JsonObject one = JsonParser.parseString("{\"cells\": [{\"cell_type\": \"code\", \"outputs\": ["
                        + "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"a\\nb\\n\"}]}]}")
                .getAsJsonObject();
        JsonObject two = JsonParser.parseString("{\"cells\": [{\"cell_type\": \"code\", \"outputs\": ["
                        + "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"a\\n\"},"
                        + "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"b\\n\"}]}]}")
                .getAsJsonObject();
        assertEquals(List.of(), SameOutputs.differences("06", one, two));
    }

    @Test
    void theCheckSeedIsADifference() {
        // run-notebooks fixes the check's seed (LSTMLAB_CHECK_SEED): another seed means other randomised cases
        assertEquals(
                1, differences("total 0/8 randomised cases used seed 29", "total 0/8 randomised cases used seed 987"));
        assertEquals(
                0, differences("total 0/8 randomised cases used seed 29", "total 0/8 randomised cases used seed 29"));
    }

    @Test
    void aNumberWrittenLikeATimeButWithoutItsUnitIsADifference() {
        assertEquals(1, differences("T = 5 trained to 0.0005", "T = 5 trained to 0.0006"));
        assertEquals(1, differences("5 steps", "6 steps"));
        assertEquals(1, differences("lag 10 s_t 0.5", "lag 10 s_t 0.6"));
    }
}
