package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.data.ForecastData;
import org.lstmlab.data.SeattleWeather;
import org.lstmlab.train.TrainConfig;

class ForecastExperimentTest {

    private static ForecastData seattle() {
        return ForecastData.builder(SeattleWeather.load())
                .inputs(
                        SeattleWeather.TEMP_MAX,
                        SeattleWeather.TEMP_MIN,
                        SeattleWeather.PRECIPITATION,
                        SeattleWeather.WIND)
                .targets(SeattleWeather.TEMP_MAX)
                .window(30)
                .build();
    }

    @Test
    void withTheQuickBudgetTheLstmForecastOfSeattlesMaximumTemperatureBeatsPersistence() {
        var experiment = ForecastExperiment.defaults();
        var result = experiment.withConfig(experiment.config().withEpochs(3)).run(seattle());
        System.out.println(result + " " + result.history());
        assertTrue(result.beatsPersistence(), result.toString());
        assertTrue(result.improvement() > 0 && result.improvement() < 1, result.toString());
        assertEquals(
                8.37, result.persistenceMse(), 0.01, "persistence on the test part, as measured by the data helper");
        assertEquals(
                List.of("LSTM", "persistence"), List.copyOf(result.forecasts(0).keySet()));
        assertArrayEquals(result.truth().getColumn(0).toDoubleVector(), result.truth(0), 0.0);
        assertTrue(result.history().validationLoss().length > 0, "the validation windows are scored during training");
        var data = seattle();
        assertEquals(
                org.lstmlab.data.Metrics.mse(
                        org.lstmlab.data.Baselines.persistence(data.validation()),
                        data.validation().targets()),
                result.persistenceValidationLoss(),
                1e-12,
                "the training curves' baseline is persistence on the validation windows, standardised");
        assertTrue(
                result.history().finalValidationLoss() < result.persistenceValidationLoss(),
                "the trained model ends below that line: " + result.history());
    }

    @Test
    void aHiddenSizeBelowOneIsRejected() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> new ForecastExperiment(0, 1, TrainConfig.defaults(), 1));
        assertTrue(e.getMessage().contains("H must be at least 1"), e.getMessage());
    }
}
