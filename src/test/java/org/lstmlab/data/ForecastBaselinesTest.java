package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class ForecastBaselinesTest {

    @Test
    void persistencePredictsTheLastValueOfTheWindow() {
        double[][] s = WindowingTest.rowNumbers(30);
        Windows w = Windowing.windows(s, List.of("a", "b"), List.of("b", "a"), 5, 2, 0, 30, DataType.DOUBLE);
        INDArray p = Baselines.persistence(w);
        for (int b = 0; b < w.size(); b++) {
            int lastRow = w.targetRows()[b] - 2;
            assertEquals(100.0 * lastRow, p.getDouble(b, 0));
            assertEquals(lastRow, p.getDouble(b, 1));
        }
    }

    @Test
    void persistenceNeedsTheTargetAmongTheInputs() {
        Windows w = new Windows(
                Nd4j.zeros(DataType.DOUBLE, 2, 3, 1),
                Nd4j.zeros(DataType.DOUBLE, 2, 1),
                new int[] {3, 4},
                List.of("a"),
                List.of("b"),
                1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.persistence(w));
        assertTrue(e.getMessage().contains("\"b\""), e.getMessage());
    }

    @Test
    void mseAndMaeAverageOverEverySampleAndColumn() {
        double[][] yHat = {{1, 2}, {3, 4}, {5, 7}};
        double[][] y = {{1.5, 2}, {1, 4}, {5, 4}};
        double se = 0, ae = 0;
        for (int b = 0; b < 3; b++) {
            for (int k = 0; k < 2; k++) {
                se += (yHat[b][k] - y[b][k]) * (yHat[b][k] - y[b][k]);
                ae += Math.abs(yHat[b][k] - y[b][k]);
            }
        }
        assertEquals(se / 6, Metrics.mse(Nd4j.create(yHat), Nd4j.create(y)), 1e-15);
        assertEquals(ae / 6, Metrics.mae(Nd4j.create(yHat), Nd4j.create(y)), 1e-15);
    }

    @Test
    void metricsRejectMismatchedShapes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Metrics.mse(Nd4j.zeros(DataType.DOUBLE, 3, 1), Nd4j.zeros(DataType.DOUBLE, 4, 1)));
        assertEquals("ŷ must be [B, Y] = [4, 1] but is [3, 1]", e.getMessage());
    }

    @Test
    void seattleTemperatureWindowsAreReadyForTraining() {
        Table weather = SeattleWeather.load();
        ForecastData d = ForecastData.builder(weather)
                .inputs(SeattleWeather.TEMP_MAX, SeattleWeather.TEMP_MIN)
                .targets(SeattleWeather.TEMP_MAX)
                .window(30)
                .horizon(1)
                .split(0.7, 0.15)
                .build();
        assertEquals(2, d.train().inputs().size(2));
        assertEquals(d.split().trainEnd() - 30, d.train().size());
        // persistence on the standardised test windows, mapped back, equals persistence on the raw data
        INDArray persistence = d.inverseTargets(Baselines.persistence(d.test()));
        double[] raw = weather.doubleColumn(SeattleWeather.TEMP_MAX).asDoubleArray();
        for (int b = 0; b < d.test().size(); b += 17) {
            assertEquals(raw[d.test().targetRows()[b] - 1], persistence.getDouble(b, 0), 1e-9);
            assertEquals(
                    raw[d.test().targetRows()[b]],
                    d.inverseTargets(d.test().targets()).getDouble(b, 0),
                    1e-9);
        }
        List<java.time.LocalDate> dates = d.test().targetDates(weather, SeattleWeather.DATE);
        assertEquals(d.test().size(), dates.size());
        assertEquals(
                weather.dateColumn(SeattleWeather.DATE).get(weather.rowCount() - 1),
                dates.get(dates.size() - 1),
                "the last test target is the last day of the data");
    }

    @Test
    void aNonNumericColumnIsRefusedByName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ForecastData.builder(SeattleWeather.load())
                        .targets(SeattleWeather.WEATHER)
                        .build());
        assertTrue(e.getMessage().contains("\"weather\"") && e.getMessage().contains("STRING"), e.getMessage());
    }
}
