package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.plot.TextColumns;
import org.lstmlab.plot.Words;

class VanishingExperimentTest {
    private static final VanishingExperiment EXPERIMENT = VanishingExperiment.defaults();

    @Test
    void atLagFiftyTheRnnWithSpectralNormOneHalfHasAGradientNormBelowOneInAHundredMillion() {
        var curves = EXPERIMENT.rnn(0.5, 0.9, 1.0, 1.5);
        double norm = curves.at(VanishingExperiment.rnnName(0.5), 50);
        System.out.println(curves.table(10, 50, 60));
        assertTrue(norm < 1e-8, "‖∂h_T/∂h_{T−50}‖₂ = " + norm);
        assertEquals(
                List.of("‖W_hh‖₂ = 0.5", "‖W_hh‖₂ = 0.9", "‖W_hh‖₂ = 1", "‖W_hh‖₂ = 1.5"),
                List.copyOf(curves.measured().keySet()));
        assertEquals(4, curves.bounds().size());
    }

    @Test
    void everyMeasuredRnnNormStaysUnderItsPascanuBound() {
        var curves = EXPERIMENT.rnn(0.5, 0.9, 1.0, 1.5);
        var measured = List.copyOf(curves.measured().values());
        var bounds = List.copyOf(curves.bounds().values());
        for (int c = 0; c < measured.size(); c++) {
            for (int k = 0; k < curves.lags().length; k++) {
                assertTrue(measured.get(c)[k] <= bounds.get(c)[k] * (1 + 1e-9), "curve " + c + " lag " + k);
            }
        }
    }

    @Test
    void anLstmWithForgetGatesNearOneKeepsTheCellPathNormAboveOneHundredthAtLagFifty() {
        var curves = EXPERIMENT.rnnAndLstm(0.9, 1.0, 5.0);
        double lstm = curves.at(VanishingExperiment.lstmName(5.0), 50);
        double rnn = curves.at("RNN ‖∂h_T/∂h_t‖₂, ‖W_hh‖₂ = 0.9", 50);
        System.out.println(curves.table(10, 50, 60));
        assertTrue(lstm > 1e-2, "cell path at b_f = 5: " + lstm);
        assertTrue(lstm > 1e3 * rnn, "LSTM " + lstm + " vs RNN " + rnn);
        assertTrue(curves.at(VanishingExperiment.lstmName(1.0), 50) < lstm, "a smaller forget bias forgets faster");
    }

    @Test
    void notebookFoursTableOfEveryPathAtFourLagsFitsTheOutputAreaInEitherLanguageAndHoldsTheMeasuredNorms() {
        var paths = EXPERIMENT.lstmPaths(0.9, 1.0);
        for (String lang : List.of("en", "vi")) {
            System.setProperty("lstmlab.lang", lang);
            try {
                String table = paths.table(5, 30, 50, 60);
                List<String> lines = table.lines().toList();
                assertEquals(1 + paths.measured().size(), lines.size(), table);
                for (String line : lines) {
                    assertTrue(
                            TextColumns.width(line) <= Notebooks.OUTPUT_PLACES,
                            lang + ": " + TextColumns.width(line) + " places\n" + table);
                }
                int k = 1;
                for (String name : paths.measured().keySet()) {
                    String line = lines.get(k++);
                    assertTrue(line.startsWith(Words.t(name) + " "), line);
                    String[] cells =
                            line.substring(Words.t(name).length()).trim().split(" +");
                    assertEquals(4, cells.length, line);
                    assertEquals(paths.at(name, 60), Double.parseDouble(cells[3]), 1e-3 * paths.at(name, 60), line);
                }
                // the lag columns line up: every line ends at the same place
                assertEquals(
                        1,
                        lines.stream().mapToInt(TextColumns::width).distinct().count(),
                        table);
            } finally {
                System.clearProperty("lstmlab.lang");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameInputsAndAnotherSeedOthers() {
        assertEquals(EXPERIMENT.inputs(), VanishingExperiment.defaults().inputs());
        assertTrue(!EXPERIMENT.inputs().equals(new VanishingExperiment(4, 16, 60, 8).inputs()));
    }

    @Test
    void badSizesAndUnknownCurvesAreRejectedInCourseSymbols() {
        var e = assertThrows(IllegalArgumentException.class, () -> new VanishingExperiment(4, 0, 100, 1));
        assertTrue(e.getMessage().contains("H = 0"), e.getMessage());
        var curves = new VanishingExperiment(2, 3, 5, 1).rnn(0.5);
        assertThrows(IllegalArgumentException.class, () -> curves.at("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> curves.at(VanishingExperiment.rnnName(0.5), 6));
        assertThrows(IllegalArgumentException.class, () -> EXPERIMENT.rnn());
    }

    /** Π_{s=T−lag+1..T} f_s[a] for every unit a, from the library's LstmCell steps: the oracle for F_{T,t}. */
    private static double[][] forgetGates(VanishingExperiment e, double forgetBias) {
        var zeros = org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, e.hiddenSize());
        var steps = new org.lstmlab.nn.LstmCell(e.lstmParams(forgetBias))
                .forwardSequence(e.inputs(), zeros, zeros)
                .steps();
        double[][] f = new double[steps.size()][];
        for (int s = 0; s < f.length; s++) f[s] = steps.get(s).f().toDoubleVector(); // f_s, [H]
        return f;
    }

    @Test
    void theCellPathCurveIsTheLargestProductOfForgetGatesOverTheLastStepsOfEachUnit() {
        var paths = EXPERIMENT.lstmPaths(0.9, 1.0);
        double[][] f = forgetGates(EXPERIMENT, 1.0);
        int big = f.length;
        for (int lag : new int[] {0, 1, 10, 50, 60}) {
            double largest = 0;
            for (int a = 0; a < f[0].length; a++) {
                double product = 1;
                for (int s = big - lag; s < big; s++) product *= f[s][a];
                largest = Math.max(largest, product);
            }
            double drawn = paths.at(VanishingExperiment.lstmName(1.0), lag);
            assertEquals(largest, drawn, 1e-12 * Math.max(1, largest) + 1e-3 * largest, "lag " + lag);
        }
    }

    @Test
    void lstmPathsDrawsTheRnnAndTheLstmsThreeNormsOfTheSameSequence() {
        var paths = EXPERIMENT.lstmPaths(0.9, 5.0);
        var lstm = EXPERIMENT.lstm(5.0);
        var rnn = EXPERIMENT.rnnAndLstm(0.9);
        assertEquals(
                List.of(
                        "RNN ‖∂h_T/∂h_t‖₂, ‖W_hh‖₂ = 0.9",
                        VanishingExperiment.fullHiddenName(5.0),
                        VanishingExperiment.fullCellName(5.0),
                        VanishingExperiment.lstmName(5.0)),
                List.copyOf(paths.measured().keySet()));
        for (int lag : new int[] {0, 5, 30, 60}) {
            assertEquals(
                    rnn.at("RNN ‖∂h_T/∂h_t‖₂, ‖W_hh‖₂ = 0.9", lag), paths.at("RNN ‖∂h_T/∂h_t‖₂, ‖W_hh‖₂ = 0.9", lag));
            assertEquals(lstm.hidden().spectralAt(lag), paths.at(VanishingExperiment.fullHiddenName(5.0), lag));
            assertEquals(lstm.cell().spectralAt(lag), paths.at(VanishingExperiment.fullCellName(5.0), lag));
        }
        assertEquals(4, paths.curves().size());
        assertEquals(VanishingExperiment.lstmName(5.0), paths.curves().get(3).name());
    }

    @Test
    void theCellPathFallsAtTheGeometricMeanForgetGateOfTheUnitThatForgetsLeastNotAtTheMeanForgetGate() {
        var rates = EXPERIMENT.forgetRates(1.0);
        double[][] f = forgetGates(EXPERIMENT, 1.0);
        double best = 0;
        int bestUnit = -1;
        double sum = 0;
        for (int a = 0; a < f[0].length; a++) {
            double product = 1;
            for (double[] fs : f) {
                product *= fs[a];
                sum += fs[a];
            }
            if (product > best) {
                best = product;
                bestUnit = a;
            }
        }
        assertEquals(bestUnit, rates.slowestUnit());
        assertEquals(Math.pow(best, 1.0 / f.length), rates.slowestRate(), 1e-12);
        assertEquals(sum / (f.length * f[0].length), rates.meanForget(), 1e-12);
        double measured = EXPERIMENT.lstm(1.0).cellPath().spectralAt(60);
        assertEquals(measured, rates.cellPathAcrossTheSequence(), 1e-9 * measured, "rate^T is ‖F_{T,0}‖₂");
        assertTrue(rates.meanRateAcrossTheSequence() < measured / 10, "the mean f understates the cell path: " + rates);
        assertTrue(rates.toString().contains("unit " + bestUnit + " forgets least"), rates.toString());
    }

    @Test
    void forgetRatesNeedStepsOfEqualWidth() {
        assertThrows(IllegalArgumentException.class, () -> VanishingExperiment.ForgetRates.of(1, new double[0][]));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> VanishingExperiment.ForgetRates.of(1, new double[][] {{0.5, 0.5}, {0.5}}));
        assertTrue(e.getMessage().contains("H = 2"), e.getMessage());
    }
}
