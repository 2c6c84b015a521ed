package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Table;

/** Malformed CSV files in src/test/resources/org/lstmlab/data/csv are reported by file, line and column. */
class TypedCsvTest {

    static Path resource(String name) {
        try {
            return Path.of(TypedCsvTest.class.getResource("csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} is reported at line {1}, column {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad-number.csv     | 4 | temp_max      | \"warm\"",
                "bad-date.csv       | 3 | date          | 2012-13-02",
                "missing-field.csv  | 4 | weather       | expected 6",
                "extra-field.csv    | 2 | (line)        | found 7",
                "wrong-header.csv   | 1 | temp_max      | tmax",
                "empty-cell.csv     | 3 | temp_min      | empty",
                "empty-file.csv     | 1 | (header)      | empty",
                "unclosed-quote.csv | 2 | (line)        | quoted",
            })
    void aMalformedWeatherFileIsReportedByFileLineAndColumn(String file, int line, String column, String detail) {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> SeattleWeather.load(resource(file)));
        assertEquals(file, e.file());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        assertTrue(e.getMessage().startsWith(file + " line " + line + ", column " + column + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void aNonFiniteNumberIsRejected() {
        CsvFormatException e =
                assertThrows(CsvFormatException.class, () -> Co2Concentration.load(resource("co2-nan.csv")));
        assertEquals(3, e.line());
        assertEquals("adjusted CO2", e.column());
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }

    @Test
    void theWrongLoaderForAFileSaysWhichHeaderItExpected() {
        CsvFormatException e =
                assertThrows(CsvFormatException.class, () -> Co2Concentration.load(resource("bad-number.csv")));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("[Date, CO2, adjusted CO2]"), e.getMessage());
    }

    @Test
    void aQuotedValueWithACommaIsOneCell() {
        Table t = SeattleWeather.load(resource("quoted-ok.csv"));
        assertEquals(2, t.rowCount());
        assertEquals("light, drizzle", t.stringColumn(SeattleWeather.WEATHER).get(0));
    }
}
