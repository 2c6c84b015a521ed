package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class DatasetLoadersTest {

    /** The raw text of the file, split at commas, for comparison with what Tablesaw returned. */
    private static List<String[]> rawRows(String file) throws IOException {
        return Files.readAllLines(Path.of("datasets", file), StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(l -> l.split(","))
                .toList();
    }

    @Test
    void seattleWeatherLoadsWithTheDeclaredTypesAndEveryRow() throws IOException {
        Table t = SeattleWeather.load();
        List<String[]> raw = rawRows(SeattleWeather.FILE);
        assertEquals(raw.size(), t.rowCount());
        assertEquals(SeattleWeather.COLUMNS.stream().map(CsvColumn::name).toList(), t.columnNames());
        for (CsvColumn c : SeattleWeather.COLUMNS)
            assertEquals(c.type(), t.column(c.name()).type(), c.name());
        for (int n : new int[] {0, 700, raw.size() - 1}) {
            assertEquals(
                    LocalDate.parse(raw.get(n)[0]),
                    t.dateColumn(SeattleWeather.DATE).get(n));
            assertEquals(
                    Double.parseDouble(raw.get(n)[2]),
                    t.doubleColumn(SeattleWeather.TEMP_MAX).get(n));
            assertEquals(raw.get(n)[5], t.stringColumn(SeattleWeather.WEATHER).get(n));
        }
    }

    @Test
    void co2LoadsWithTheDeclaredTypesAndEveryRow() throws IOException {
        Table t = Co2Concentration.load();
        List<String[]> raw = rawRows(Co2Concentration.FILE);
        assertEquals(raw.size(), t.rowCount());
        assertEquals(List.of("Date", "CO2", "adjusted CO2"), t.columnNames());
        assertEquals(ColumnType.LOCAL_DATE, t.column(Co2Concentration.DATE).type());
        assertEquals(ColumnType.DOUBLE, t.column(Co2Concentration.CO2).type());
        for (int n : new int[] {0, raw.size() - 1}) {
            assertEquals(
                    Double.parseDouble(raw.get(n)[1]),
                    t.doubleColumn(Co2Concentration.CO2).get(n));
            assertEquals(
                    Double.parseDouble(raw.get(n)[2]),
                    t.doubleColumn(Co2Concentration.ADJUSTED_CO2).get(n));
        }
    }

    @Test
    void seattleWeatherHasOneRowPerDayWithoutGaps() {
        Table t = SeattleWeather.load();
        for (int n = 1; n < t.rowCount(); n++) {
            assertEquals(
                    t.dateColumn(SeattleWeather.DATE).get(n - 1).plusDays(1),
                    t.dateColumn(SeattleWeather.DATE).get(n));
        }
    }

    @Test
    void co2ReadingsAreMonthlyInOrderWithSomeMonthsMissingAsTheReadmeSays() {
        Table t = Co2Concentration.load();
        int gaps = 0;
        LocalDate firstGap = null;
        for (int n = 0; n < t.rowCount(); n++) {
            LocalDate d = t.dateColumn(Co2Concentration.DATE).get(n);
            assertEquals(1, d.getDayOfMonth(), "dates hold the first of the month");
            if (n > 0) {
                LocalDate previous = t.dateColumn(Co2Concentration.DATE).get(n - 1);
                assertTrue(d.isAfter(previous), "in time order at row " + n);
                if (!d.equals(previous.plusMonths(1))) {
                    gaps++;
                    if (firstGap == null) firstGap = previous.plusMonths(1);
                }
            }
        }
        assertTrue(gaps > 0, "some months are absent");
        assertEquals(LocalDate.of(1958, 6, 1), firstGap, "the README names the first missing month");
    }

    @Test
    void theDatasetsFolderIsFoundFromASubfolderOfTheRepository() {
        String before = System.getProperty("user.dir");
        try {
            System.setProperty(
                    "user.dir", Path.of("src", "main").toAbsolutePath().toString());
            assertEquals(Path.of("datasets").toAbsolutePath(), Datasets.directory());
        } finally {
            System.setProperty("user.dir", before);
        }
    }

    @Test
    void theEnvironmentVariableAndItsOlderSpellingPointElsewhereTheNewOneFirst() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("LSTM_LAB_DATASETS", "/old/spelling");
        assertEquals(Path.of("/old/spelling"), Datasets.directory(env::get));
        env.put("LSTMLAB_DATASETS", "/new/spelling");
        assertEquals(Path.of("/new/spelling"), Datasets.directory(env::get));
    }

    @Test
    void aSystemPropertyPointsTheLoadersElsewhere() {
        System.setProperty(Datasets.DIRECTORY_PROPERTY, "/nowhere/datasets");
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, SeattleWeather::load);
            assertTrue(e.getMessage().contains("/nowhere/datasets/seattle-weather.csv"), e.getMessage());
        } finally {
            System.clearProperty(Datasets.DIRECTORY_PROPERTY);
        }
    }

    @Test
    void aMissingFileIsNamed() {
        UncheckedIOException e = assertThrows(
                UncheckedIOException.class, () -> Co2Concentration.load(Path.of("target", "no-such", "co2.csv")));
        assertTrue(e.getCause() instanceof NoSuchFileException);
        assertTrue(e.getMessage().contains("co2.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
