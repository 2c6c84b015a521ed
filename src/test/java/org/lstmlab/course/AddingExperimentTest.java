package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.train.TrainConfig;

class AddingExperimentTest {

    @Test
    void theLstmBeatsTheRnnOnTheAddingProblemAtTenStepsWithTheQuickBudget() {
        var experiment = AddingExperiment.defaults()
                .withConfig(AddingExperiment.defaults().config().withSteps(300));
        AddingExperiment.Row row = experiment.run(10);
        System.out.println(row);
        assertTrue(row.lstmBeatsRnn(), row.toString());
        assertTrue(row.lstmMse() < row.baselineMse() / 2, "the LSTM should be well below the baseline: " + row);
        assertEquals(300, row.rnn().steps());
        assertEquals(300, row.lstm().steps());
        assertTrue(row.seconds() > 0);

        // what notebook 07's prose says the trained LSTM does
        TrainedGates gates = experiment.gates(row);
        System.out.println(gates);
        assertTrue(gates.opensOnlyAtTheMarks(), "one unit's input gate opens at the two marks only: " + gates);
        assertTrue(gates.holdsBetweenTheMarks(), "and its forget gate holds the value in between: " + gates);
        TrainedGates.Example e = gates.example();
        assertEquals(10, e.i().length);
        double elsewhere = gates.inputElsewhere()[gates.memoryUnit()];
        assertTrue(
                e.i()[e.firstMark() - 1] > 10 * elsewhere && e.i()[e.secondMark() - 1] > 10 * elsewhere,
                "the example sequence shows the input gate opening at both marks: " + gates);
        assertTrue(e.firstMark() < e.secondMark());
    }

    @Test
    void theGatePropertiesReadTheMeasuredMeansOfTheMemoryUnit() {
        var fullRun = new TrainedGates(
                100,
                1,
                new double[] {0.2, 0.399},
                new double[] {0.3, 0.004},
                new double[] {0.5, 0.9997},
                new double[] {0.5, 0.933},
                null); // unit 1 as measured at T = 100
        assertTrue(fullRun.opensOnlyAtTheMarks() && fullRun.holdsBetweenTheMarks());
        var leaky = new TrainedGates(
                10, 0, new double[] {0.9}, new double[] {0.2}, new double[] {0.99}, new double[] {0.9}, null);
        assertTrue(!leaky.opensOnlyAtTheMarks(), "open at 0.2 between the marks is not shut");
        var forgetting = new TrainedGates(
                10, 0, new double[] {0.9}, new double[] {0.01}, new double[] {0.8}, new double[] {0.9}, null);
        assertTrue(!forgetting.holdsBetweenTheMarks());
        assertTrue(
                fullRun.toString().contains("forget gate f_t: 0.99970 between the marks (1 − f_t = 3.0e-04)"),
                fullRun.toString());
    }

    @Test
    void theLongestSolvedLengthIsTheLongestWhoseLstmIsFarBelowTheBaseline() {
        var rows = List.of(row(10, 0.001, 0.17), row(20, 0.002, 0.16), row(50, 0.05, 0.17), row(100, 0.16, 0.17));
        assertEquals(20, AddingExperiment.longestSolved(rows).orElseThrow().length());
        assertTrue(AddingExperiment.longestSolved(List.of(row(10, 0.1, 0.17))).isEmpty());
    }

    /**
     * Notebook 07's summary and comparison fit JupyterLab's output area whatever the run gives: every verdict for
     * either network, the widest ratios %.3g prints, full mode's lengths and budget, in English and Vietnamese.
     */
    @Test
    void theSummaryAndTheComparisonFitTheOutputAreaForEveryOutcomeInBothLanguages() {
        double baseline = 0.17;
        // solved, learnt part of it, stayed at the baseline; each with a ratio as wide as %.3g prints it
        double[] ratios = {0.000123, 1.23e-5, 0.0123, 0.123, 0.95, 1.0, 1234.5, Double.NaN};
        List<AddingExperiment.Row> rows = new java.util.ArrayList<>();
        for (int length : List.of(10, 100, 1000)) {
            for (double lstm : ratios) {
                for (double rnn : ratios) rows.add(row(length, steps(1500), rnn * baseline, lstm * baseline, baseline));
            }
        }
        var fullMode = AddingExperiment.defaults()
                .withConfig(AddingExperiment.defaults().config().withSteps(1500));
        for (String lang : List.of("en", "vi")) {
            System.setProperty("lstmlab.lang", lang);
            try {
                String summary = AddingExperiment.summary(rows);
                assertEquals(List.of(), Notebooks.tooWide(summary), lang + ":\n" + summary);
                for (String verdict : List.of("solved", "learnt part of it", "stayed at the baseline")) {
                    String said = org.lstmlab.plot.Words.term("adding problem", verdict);
                    assertTrue(
                            summary.contains("LSTM " + said + " (") && summary.contains("RNN  " + said + " ("),
                            lang + ": every verdict for both networks, " + said + ":\n" + summary);
                }
                String compared = fullMode.comparedWithThePaper(rows);
                assertEquals(List.of(), Notebooks.tooWide(compared), lang + ":\n" + compared);
            } finally {
                System.clearProperty("lstmlab.lang");
            }
        }
        assertEquals(
                "T = 10:  LSTM solved (0.00200 × baseline)\n         RNN  stayed at the baseline (1.00 × baseline)",
                AddingExperiment.summary(List.of(row(10, steps(1), 0.17, 0.00034, 0.17))),
                "two lines per length, the networks' verdicts under each other");
    }

    private static org.lstmlab.train.History steps(int steps) {
        return new org.lstmlab.train.History(new double[steps], new double[steps], new double[0], new double[0], 1);
    }

    private static AddingExperiment.Row row(
            int length, org.lstmlab.train.History history, double rnnMse, double lstmMse, double baseline) {
        return new AddingExperiment.Row(length, history, history, rnnMse, lstmMse, baseline, null, 1);
    }

    private static AddingExperiment.Row row(int length, double lstmMse, double baseline) {
        var history =
                new org.lstmlab.train.History(new double[] {1}, new double[] {1}, new double[0], new double[0], 1);
        return new AddingExperiment.Row(length, history, history, baseline, lstmMse, baseline, null, 1);
    }

    @Test
    void fullModeComparesTenToAHundredStepsAndQuickModeStaysShort() {
        System.setProperty(Quick.PROPERTY, "false");
        try {
            assertEquals(List.of(10, 20, 50, 100), AddingExperiment.lengths());
            System.setProperty(Quick.PROPERTY, "true");
            assertEquals(List.of(5, 10), AddingExperiment.lengths());
        } finally {
            System.clearProperty(Quick.PROPERTY);
        }
    }

    @Test
    void theTableHasOneRowPerLengthWithTheRatiosToTheBaseline() {
        var experiment = new AddingExperiment(
                4, 1.0, TrainConfig.defaults().withSteps(3).withBatchSize(4).quiet(), 50, 3);
        var rows = List.of(experiment.run(4), experiment.run(6));
        var table = AddingExperiment.table(rows);
        assertEquals(2, table.rowCount());
        assertEquals(List.of(4, 6), table.intColumn("T").asList());
        double ratio = table.doubleColumn("LSTM / baseline").get(1);
        assertEquals(rows.get(1).lstmMse() / rows.get(1).baselineMse(), ratio, 1e-3 * ratio);
        assertTrue(
                rows.get(0).toString().startsWith("T = 4: RNN MSE"), rows.get(0).toString());
        assertEquals(
                Math.round(rows.get(1).lstm().seconds() * 10) / 10.0,
                table.doubleColumn("LSTM training s").get(1),
                1e-9);
        assertTrue(
                table.columnNames().contains("RNN training s"),
                table.columnNames().toString());
    }

    @Test
    void thePapersTableListsItsThreeLengths() {
        var paper = AddingExperiment.hochreiterSchmidhuber1997();
        assertEquals(List.of(100, 500, 1000), paper.intColumn("T").asList());
        assertEquals(4, paper.columnCount());
    }

    @Test
    void badSizesAreRejected() {
        var config = TrainConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> new AddingExperiment(0, 1, config, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new AddingExperiment(4, 1, config, 0, 1));
    }
}
