package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** datasets/README.md describes the same columns, types and units that the loaders declare. */
class DatasetReadmeColumnsTest {
    private static final Pattern COLUMN_ROW =
            Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([A-Z_]+)`[^|]*\\|\\s*([^|]+?)\\s*\\|.*$");

    /** The column table under the heading {@code ## `file`}. */
    static List<String[]> columnRows(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("datasets", "README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## `" + file + "`");
        assertTrue(start >= 0, "datasets/README.md has a section ## `" + file + "`");
        List<String[]> rows = new ArrayList<>();
        for (int n = start + 1; n < lines.size() && !lines.get(n).startsWith("## "); n++) {
            Matcher m = COLUMN_ROW.matcher(lines.get(n));
            if (m.matches()) rows.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return rows;
    }

    private static void assertDescribes(String file, List<CsvColumn> declared) throws IOException {
        List<String[]> rows = columnRows(file);
        assertEquals(declared.size(), rows.size(), file + ": one README row per declared column");
        for (int k = 0; k < declared.size(); k++) {
            CsvColumn c = declared.get(k);
            assertEquals(c.name(), rows.get(k)[0], file + " column " + k);
            assertEquals(c.type().name(), rows.get(k)[1], file + " column " + c.name() + " type");
            assertTrue(
                    rows.get(k)[2].startsWith(c.unit()),
                    file + " column " + c.name() + ": README unit \"" + rows.get(k)[2]
                            + "\" should start with the declared unit \"" + c.unit() + "\"");
        }
    }

    @Test
    void theReadmeDescribesTheSeattleWeatherColumnsAsDeclared() throws IOException {
        assertDescribes(SeattleWeather.FILE, SeattleWeather.COLUMNS);
    }

    @Test
    void theReadmeDescribesTheCo2ColumnsAsDeclared() throws IOException {
        assertDescribes(Co2Concentration.FILE, Co2Concentration.COLUMNS);
    }
}
