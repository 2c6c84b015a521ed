package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.lstmlab.data.AddingProblem;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The explorables' figures hold the library's numbers for the control's value, and refuse values out of range. */
class ExplorablesTest {

    static final VanishingExperiment SMALL = new VanishingExperiment(4, 16, 30, 7);

    @Test
    void theSpectralNormFigureIsTheRnnAtThatNormTitledWithItsNormAndBoundAtTheLongestLag() {
        XYChart chart = Explorables.spectralNorm(SMALL, 0.95);
        var curves = SMALL.rnn(0.95);
        String name = VanishingExperiment.rnnName(0.95);
        assertTrue(
                chart.getSeriesMap().containsKey(name),
                chart.getSeriesMap().keySet().toString());
        double bound = curves.bounds().values().iterator().next()[30];
        assertEquals(
                String.format(
                        Locale.ROOT,
                        "‖W_hh‖₂ = 0.95: ‖∂h_T/∂h_t‖₂ at lag 30 is %.1e (bound %.1e)",
                        curves.at(name, 30),
                        bound),
                chart.getTitle());
        assertTrue(curves.at(name, 30) <= bound);
        assertThrows(IllegalArgumentException.class, () -> Explorables.spectralNorm(SMALL, 0));
    }

    @Test
    void theForgetBiasHeatmapIsTitledWithTheMeanGateAndWhatAMemoryKeepsAfterKSteps() {
        INDArray weeks = Nd4j.rand(DataType.DOUBLE, 1, 28, 4); // [1, T, X]
        for (double bias : new double[] {0, 2}) {
            LstmParams params = LstmParams.init(4, 8, Init.UNIFORM, bias, 42, DataType.DOUBLE); // as notebook 02
            INDArray zeros = Nd4j.zeros(DataType.DOUBLE, 1, 8);
            LstmSequence run = new LstmCell(params).forwardSequence(weeks, zeros, zeros);
            double meanF = run.steps().stream()
                    .mapToDouble(s -> s.f().meanNumber().doubleValue())
                    .average()
                    .orElseThrow();
            HeatMapChart chart = Explorables.forgetBias(weeks, bias, 20);
            assertEquals(
                    String.format(
                            Locale.ROOT,
                            "b_f = %.1f: mean f_t = %.3f, after k = 20 steps a memory keeps %.1e of itself",
                            bias,
                            meanF,
                            Math.pow(meanF, 20)),
                    chart.getTitle());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Explorables.forgetBias(weeks, 1, 0));
        assertTrue(e.getMessage().contains("at least 1 but is 0"), e.getMessage());
        var shape = assertThrows(
                IllegalArgumentException.class, () -> Explorables.forgetBias(Nd4j.rand(DataType.DOUBLE, 28, 4), 1, 5));
        assertTrue(shape.getMessage().contains("[1, T, X] but is [28, 4]"), shape.getMessage());
    }

    @Test
    void theCellPathFigureSetsTheGateProductBesideTheMeasuredPathsAtTheChosenLag() {
        XYChart chart = Explorables.cellPath(SMALL, 0.95, 20);
        double bias = Math.log(0.95 / 0.05);
        var measured = SMALL.rnnAndLstm(0.9, bias);
        String lstm = VanishingExperiment.lstmName(bias);
        String rnn = measured.measured().keySet().iterator().next();
        assertEquals(
                String.format(
                        Locale.ROOT,
                        "f = 0.95, lag 20: Π f_s = %.1e, LSTM %.1e, RNN %.1e",
                        Math.pow(0.95, 20),
                        measured.at(lstm, 20),
                        measured.at(rnn, 20)),
                chart.getTitle());
        assertEquals(
                4, chart.getSeriesMap().size(), chart.getSeriesMap().keySet().toString());
        assertTrue(chart.getSeriesMap().containsKey("Π f_s = 0.95^(T−t)"));
        double[] logged = java.util.Arrays.stream(measured.measured().get(lstm))
                .map(Math::log10)
                .toArray();
        assertArrayEquals( // the log axis draws log₁₀ of the norms
                logged,
                chart.getSeriesMap().get("LSTM cell path, σ(b_f) = 0.95").getYData(),
                1e-12);
        assertThrows(IllegalArgumentException.class, () -> Explorables.cellPath(SMALL, 1.0, 20));
        var e = assertThrows(IllegalArgumentException.class, () -> Explorables.cellPath(SMALL, 0.9, 31));
        assertEquals("the lag T − t must be in [1, T = 30] but is 31", e.getMessage());
    }

    @Test
    void aValueSeenBeforeOrAnotherOneEachGetsItsOwnMeasurementEvenAfterTheSequenceChanges() {
        INDArray weeks = Nd4j.rand(DataType.DOUBLE, 1, 28, 4); // [1, T, X]
        String before = Explorables.forgetBias(weeks, 2, 20).getTitle();
        assertEquals(before, Explorables.forgetBias(weeks, 2, 20).getTitle(), "the same value, the same figure");
        weeks.muli(3); // the same array, other values: what was measured on the old values must not be reused
        INDArray copy = weeks.dup();
        String after = Explorables.forgetBias(weeks, 2, 20).getTitle();
        assertEquals(Explorables.forgetBias(copy, 2, 20).getTitle(), after);
        assertTrue(!after.equals(before), "the gate should read the new values: " + after);

        for (double f : new double[] {0.8, 0.9, 0.8}) { // back and forth: each value's own LSTM, lag only drawn
            for (int lag : new int[] {5, 25}) {
                XYChart chart = Explorables.cellPath(SMALL, f, lag);
                double bias = Math.log(f / (1 - f));
                var fresh = SMALL.rnnAndLstm(0.9, bias);
                assertArrayEquals(
                        java.util.Arrays.stream(fresh.measured().get(VanishingExperiment.lstmName(bias)))
                                .map(Math::log10)
                                .toArray(),
                        chart.getSeriesMap()
                                .get(String.format(Locale.ROOT, "LSTM cell path, σ(b_f) = %.2f", f))
                                .getYData(),
                        0,
                        "f = " + f + ", lag " + lag);
            }
        }
    }

    @Test
    void theKeptMeasurementsAreBoundedByBytesAndCountWhatEachNewValueHolds() {
        assertEquals(32L << 20, Explorables.MEASURED.bound(), "32 MB per kernel");
        INDArray weeks = Nd4j.rand(DataType.DOUBLE, 1, 28, 4); // [1, T, X]
        long before = Explorables.MEASURED.held();
        Explorables.forgetBias(weeks, 0.123, 20);
        long grew = Explorables.MEASURED.held() - before;
        // f_t of 28 steps × 8 units and the 28 × 4 values read, 8 bytes each
        assertTrue(grew >= (28 * 8 + 28 * 4) * 8, "a new b_f should hold its gates and its sequence: " + grew);
        assertTrue(grew < 16_000, "a new b_f should hold its f_t, not the whole run: " + grew + " bytes");
        assertTrue(Explorables.MEASURED.held() <= Explorables.MEASURED.bound());
    }

    /** The title's width in the chart's title font, in pixels, as Java2D measures it headless. */
    private static int titleWidth(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            return g.getFontMetrics(chart.getStyler().getChartTitleFont()).stringWidth(chart.getTitle());
        } finally {
            g.dispose();
        }
    }

    /** Notebook 02's sliders (b_f from −2 to 6 by 0.5, k from 1 to 60): the title never runs past the figure. */
    @Test
    void theForgetBiasTitleFitsTheFigureAtEverySliderValueInEitherLanguage() {
        INDArray weeks = Nd4j.rand(DataType.DOUBLE, 1, 28, 4); // [1, T, X]
        for (String lang : List.of("en", "vi")) {
            System.setProperty("lstmlab.lang", lang);
            try {
                for (double bias = -2.0; bias <= 6.0; bias += 0.5) {
                    for (int k : new int[] {1, 60}) {
                        HeatMapChart chart = Explorables.forgetBias(weeks, bias, k);
                        int room = chart.getWidth() - 2 * chart.getStyler().getChartPadding();
                        assertTrue(
                                titleWidth(chart) <= room,
                                lang + ", b_f = " + bias + ", k = " + k + ": the title is " + titleWidth(chart)
                                        + " px in " + room + " px: " + chart.getTitle());
                    }
                }
            } finally {
                System.clearProperty("lstmlab.lang");
            }
        }
    }

    /** The same calls draw Vietnamese titles and legends when the language is Vietnamese. */
    @Test
    void inVietnameseTheFiguresAreTitledAndLabelledInVietnamese() {
        System.setProperty("lstmlab.lang", "vi");
        try {
            XYChart path = Explorables.cellPath(SMALL, 0.95, 20);
            assertTrue(path.getTitle().startsWith("f = 0.95, độ trễ 20: Π f_s = "), path.getTitle());
            assertTrue(
                    path.getSeriesMap()
                            .keySet()
                            .containsAll(List.of("đường cell state của LSTM, σ(b_f) = 0.95", "độ trễ 20")),
                    path.getSeriesMap().keySet().toString());
            String norm = Explorables.spectralNorm(SMALL, 0.95).getTitle();
            assertTrue(norm.startsWith("‖W_hh‖₂ = 0.95: ‖∂h_T/∂h_t‖₂ ở độ trễ 30 là "), norm);
            String forget = Explorables.forgetBias(Nd4j.rand(DataType.DOUBLE, 1, 28, 4), 2, 20)
                    .getTitle();
            assertTrue(forget.startsWith("b_f = 2.0: f_t trung bình = "), forget);
            LstmParams params = LstmParams.init(2, 6, Init.UNIFORM, 1.0, 3, DataType.DOUBLE);
            var row = new AddingExperiment.Row(12, null, null, 0, 0, 1, params, 0);
            String unit = new GateExplorer(AddingExperiment.defaults(), List.of(row))
                    .chart(12, 2)
                    .getTitle();
            assertTrue(unit.startsWith("LSTM đã huấn luyện, T = 12: đơn vị 2 trên một chuỗi để riêng (x₁ = "), unit);
        } finally {
            System.clearProperty("lstmlab.lang");
        }
    }

    @Test
    void theGateExplorerShowsTheMemoryUnitAsTrainedGatesMeasuresItAndAnyOtherUnit() {
        AddingExperiment experiment = AddingExperiment.defaults();
        LstmParams params = LstmParams.init(2, 6, Init.UNIFORM, 1.0, 3, DataType.DOUBLE);
        var row = new AddingExperiment.Row(12, null, null, 0, 0, 1, params, 0);
        GateExplorer explorer = new GateExplorer(experiment, List.of(row));
        TrainedGates gates =
                TrainedGates.measure(params, AddingProblem.modern(12).sample(200, experiment.seed() + 2));
        XYChart chart = explorer.chart(12, gates.memoryUnit());
        assertArrayEquals(
                gates.example().i(), chart.getSeriesMap().get("input gate i_t").getYData(), 1e-12);
        assertArrayEquals(
                gates.example().f(), chart.getSeriesMap().get("forget gate f_t").getYData(), 1e-12);
        assertEquals(List.of(12), explorer.lengths());
        assertEquals(6, explorer.units().size());
        int other = (gates.memoryUnit() + 1) % 6;
        assertTrue(explorer.chart(12, other).getTitle().contains("unit " + other));
        var e = assertThrows(IllegalArgumentException.class, () -> explorer.chart(50, 0));
        assertEquals("no LSTM was trained at T = 50; the lengths are [12]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> explorer.chart(12, 6));
    }
}
