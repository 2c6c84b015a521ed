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

    @Test
    void validationScoresAreInDegreesAndPersistenceMatchesYesterdaysMaximumFromTheCsv() {
        var experiment = ForecastExperiment.defaults();
        var data = seattle();
        var result = experiment.withConfig(experiment.config().withSteps(5)).run(data);
        var weather = SeattleWeather.load();
        double[] tempMax = weather.doubleColumn(SeattleWeather.TEMP_MAX).asDoubleArray();
        int[] rows = data.validation().targetRows();
        double squares = 0;
        double absolute = 0;
        for (int r : rows) {
            double d = tempMax[r] - tempMax[r - 1]; // persistence: tomorrow equals today
            squares += d * d;
            absolute += Math.abs(d);
        }
        var validation = result.validation();
        assertEquals(squares / rows.length, validation.persistenceMse(), 1e-9, "°C², from the raw column");
        assertEquals(absolute / rows.length, validation.persistenceMae(), 1e-9, "°C, from the raw column");
        double s = data.standardiser().std()[0];
        assertEquals(result.persistenceValidationLoss() * s * s, validation.persistenceMse(), 1e-9);
        double[] truth = validation.truth().getColumn(0).toDoubleVector();
        for (int k = 0; k < rows.length; k++) assertEquals(tempMax[rows[k]], truth[k], 1e-9);
        assertEquals(result.mse(), result.test().mse(), 0.0);
        assertTrue(
                result.test().toString().startsWith("test MSE (°C²): LSTM "),
                result.test().toString());
    }

    @Test
    void theVerdictIsTrueOnBothSidesAndResidualsAreTruthMinusForecast() {
        var truth = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1}, {2}, {3}});
        var close = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1.1}, {2.1}, {2.9}});
        var far = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0}, {1}, {2}});
        var better = new ForecastExperiment.Scores("validation", truth, close, far);
        var worse = new ForecastExperiment.Scores("validation", truth, far, close);
        assertTrue(better.beatsPersistence() && !worse.beatsPersistence());
        assertEquals("On the validation days the LSTM's MSE is 99.0% below persistence's.", better.verdict());
        assertEquals(
                "On the validation days the LSTM's MSE is 9900.0% above persistence's: it does not beat it.",
                worse.verdict());
        assertArrayEquals(new double[] {-0.1, -0.1, 0.1}, better.residuals(0).get("LSTM"), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, better.residuals(0).get("persistence"), 1e-12);
    }

    @Test
    void eachPartsFirstThirtyDaysAreInputsAndItsTargetVarianceIsComputedFromTheRawColumn() {
        var data = seattle();
        var weather = SeattleWeather.load();
        String parts = ForecastExperiment.parts(data, weather, SeattleWeather.DATE);
        System.out.println(parts);
        double[] tempMax = weather.doubleColumn(SeattleWeather.TEMP_MAX).asDoubleArray();
        var dates = weather.dateColumn(SeattleWeather.DATE);
        int trainEnd = data.split().trainEnd();
        double mean = 0;
        for (int n = 0; n < trainEnd; n++) mean += tempMax[n] / trainEnd;
        double trainVariance = 0;
        for (int n = 0; n < trainEnd; n++) trainVariance += (tempMax[n] - mean) * (tempMax[n] - mean) / trainEnd;
        int[][] ranges = {
            {0, trainEnd},
            {trainEnd, data.split().validationEnd()},
            {data.split().validationEnd(), tempMax.length}
        };
        String[] lines = parts.split("\n");
        for (int k = 0; k < 3; k++) {
            int first = ranges[k][0] + 30; // the first 30 days are the first window's inputs
            double m = 0;
            int n = ranges[k][1] - first;
            for (int r = first; r < ranges[k][1]; r++) m += tempMax[r] / n;
            double v = 0;
            for (int r = first; r < ranges[k][1]; r++) v += (tempMax[r] - m) * (tempMax[r] - m) / n;
            String line = lines[k + 1];
            assertTrue(
                    line.contains(dates.get(ranges[k][0]) + " " + "") && line.contains(" " + dates.get(first) + " "),
                    line);
            double printed = Double.parseDouble(line.trim().replaceAll(".*\\s", ""));
            assertEquals(v / trainVariance, printed, 1e-3, line);
        }
    }

    @Test
    void anAblationScoresEveryInputSetAndSeedOnValidationAndCountsTheSeedsWhereMoreInputsWin() {
        var experiment = ForecastExperiment.defaults();
        experiment = experiment.withConfig(experiment.config().withSteps(3));
        var weather = SeattleWeather.load();
        var alone = List.of(SeattleWeather.TEMP_MAX);
        var two = List.of(SeattleWeather.TEMP_MAX, SeattleWeather.TEMP_MIN);
        var ablation = experiment.ablation(weather, SeattleWeather.TEMP_MAX, 30, List.of(alone, two), 1, 2);
        assertEquals(4, ablation.rows().size());
        assertEquals(2, ablation.of(alone).size());
        int count = 0;
        for (int k = 0; k < 2; k++) {
            if (ablation.of(two).get(k).validation().mse()
                    < ablation.of(alone).get(k).validation().mse()) count++;
        }
        assertEquals(count, ablation.seedsWhereBetter(two, alone));
        assertEquals(
                ablation.rows().get(0).validation().persistenceMse(),
                ablation.rows().get(3).validation().persistenceMse(),
                1e-9,
                "every model is judged against persistence on the same validation days");
        assertTrue(ablation.toString().contains("temp_max, temp_min"), ablation.toString());
        String compared = ablation.compare(two, alone);
        double[] shares = ablation.rows().stream()
                .mapToDouble(r -> 100 * r.validation().improvement())
                .toArray();
        boolean overlap = Math.min(shares[2], shares[3]) <= Math.max(shares[0], shares[1])
                && Math.min(shares[0], shares[1]) <= Math.max(shares[2], shares[3]);
        assertTrue(compared.contains(overlap ? "The ranges overlap" : "The ranges do not overlap"), compared);
        assertTrue(compared.contains(String.format(java.util.Locale.ROOT, "%.1f%%", Math.min(shares[0], shares[1]))));
        assertTrue(compared.endsWith("for " + count + " of 2 seeds."), compared);
        // notebook 08's four inputs, the widest its table and sentence get: JupyterLab must not wrap them
        var four = List.of(
                SeattleWeather.TEMP_MAX, SeattleWeather.TEMP_MIN, SeattleWeather.PRECIPITATION, SeattleWeather.WIND);
        var asInNotebookEight = new ForecastExperiment.Ablation(ablation.rows().stream()
                .map(r -> new ForecastExperiment.AblationRow(
                        r.inputs().size() > 1 ? four : r.inputs(), r.seed(), r.validation()))
                .toList());
        for (String lang : List.of("en", "vi")) {
            System.setProperty("lstmlab.lang", lang);
            try {
                String printed = asInNotebookEight + "\n" + asInNotebookEight.compare(four, alone);
                assertEquals(List.of(), Notebooks.tooWide(printed), lang + ":\n" + printed);
            } finally {
                System.clearProperty("lstmlab.lang");
            }
        }
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ForecastExperiment.defaults()
                        .ablation(weather, SeattleWeather.TEMP_MAX, 30, List.of(List.of(SeattleWeather.WIND)), 1));
        assertTrue(e.getMessage().contains("must hold the target temp_max"), e.getMessage());
    }
}
