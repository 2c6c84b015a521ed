package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lstmlab.data.CharCorpus;
import org.lstmlab.data.CodeFeatures;
import org.lstmlab.plot.ActivationText;
import org.lstmlab.train.CharTrainer;
import tech.tablesaw.api.Table;

/** The character model's scene at a tiny size: 12 000 characters, H = 12, 60 steps of B = 8, T = 32. */
class CharModelExperimentTest {
    private static final CharModelExperiment TINY = new CharModelExperiment(8, 12, 8, 32, 60, 0.01, 5.0, 12_000, 3);
    private static CharModelExperiment.Result result;

    @BeforeAll
    static void train() {
        result = TINY.run(CharCorpus.load(Path.of("datasets", CharCorpus.FILE)));
    }

    @Test
    void trainingLowersTheLossAndTheModelBeatsTheUnigramBaselineOnHeldOutText() {
        double[] losses = result.losses();
        assertEquals(60, losses.length);
        double first = (losses[0] + losses[1] + losses[2]) / 3, last = (losses[57] + losses[58] + losses[59]) / 3;
        assertTrue(last < first - 1, "the loss falls by more than a bit per character: " + first + " → " + last);
        assertTrue(result.heldOutBitsPerChar() < result.unigramBitsPerChar(), result.toString());
        assertTrue(result.bigramBitsPerChar() < result.unigramBitsPerChar(), result.toString());
        assertTrue(result.charactersPerSecond() > 0, result.toString());
    }

    @Test
    void whatNotebookTenPrintsOfTheModelFitsJupyterLabsOutputAreaInBothLanguages() {
        var asInNotebookTen = CharModelExperiment.defaults();
        for (String lang : List.of("en", "vi")) {
            System.setProperty("lstmlab.lang", lang);
            try {
                String printed = asInNotebookTen + "\n" + result;
                assertTrue(printed.contains(lang.equals("en") ? "\n  held-out " : "\n  "), printed);
                assertEquals(List.of(), Notebooks.tooWide(printed), lang + ":\n" + printed);
            } finally {
                System.clearProperty("lstmlab.lang");
            }
        }
    }

    @Test
    void theTableListsTheBaselinesAndTheLstmWithTheirBits() {
        Table t = result.bitsPerChar();
        assertEquals(3, t.rowCount());
        assertEquals("LSTM", t.stringColumn("model").get(2));
        assertEquals(
                result.heldOutBitsPerChar(),
                t.doubleColumn("bits per character").get(2),
                5e-4);
        assertEquals(
                result.unigramBitsPerChar(),
                t.doubleColumn("bits per character").get(0),
                5e-4);
    }

    @Test
    void theSameSeedWritesTheSameTextAndTemperaturesDiffer() {
        String a = result.sample("public ", 60, 1.0, 5);
        assertEquals(a, result.sample("public ", 60, 1.0, 5));
        assertTrue(a.startsWith("public ") && a.length() == 67, a);
        Map<Double, String> samples = result.samples("int ", 60, 5);
        assertEquals(3, samples.size());
        assertNotEquals(samples.get(0.5), samples.get(1.5));
    }

    @Test
    void theHeldOutFigureIsTheCarriedCurvesMeanAndAFreshReadOfTheHeldOutText() {
        double[] carried = result.lossByPosition().getSeriesMap().values().stream()
                .toList()
                .get(0)
                .getYData();
        double mean = 0;
        for (double v : carried) mean += v;
        mean /= carried.length;
        assertEquals(mean, result.heldOutBitsPerChar(), 1e-12);
        double fresh = CharTrainer.bitsPerChar(result.model(), result.corpus().heldOutIds(), TINY.steps(), true);
        assertEquals(fresh, result.heldOutBitsPerChar(), 0.0, "read once in the result, the same number as a new read");
    }

    @Test
    void carryingTheStateLowersTheHeldOutLossAfterTheFirstPositions() {
        var chart = result.lossByPosition();
        double[] carried =
                chart.getSeriesMap().values().stream().toList().get(0).getYData();
        double[] reset = chart.getSeriesMap().values().stream().toList().get(1).getYData();
        assertEquals(TINY.steps(), carried.length);
        double carriedMean = 0, resetMean = 0;
        for (int t = 0; t < carried.length; t++) {
            carriedMean += carried[t] / carried.length;
            resetMean += reset[t] / reset.length;
        }
        assertTrue(
                reset[0] > carried[0],
                "at position 0 the reset model has no context: " + reset[0] + " vs " + carried[0]);
        assertTrue(resetMean > carriedMean, resetMean + " vs " + carriedMean);
    }

    @Test
    void cellCorrelationsCoverEveryUnitAndFeatureAndTheBestIsTheLargest() {
        var cells = result.cells(1500);
        for (String feature : cells.features().keySet()) {
            double[] c = cells.correlations("C_t", feature);
            assertEquals(TINY.hidden(), c.length);
            CharModelExperiment.Best best = cells.best(feature);
            for (String state : new String[] {"C_t", "h_t"}) {
                for (double r : cells.correlations(state, feature)) {
                    assertTrue(Math.abs(r) <= Math.abs(best.r()) + 1e-15, feature + ": " + r + " > " + best);
                }
            }
        }
        CharModelExperiment.Best top = cells.strongest();
        assertTrue(Math.abs(top.r()) > 0 && Math.abs(top.r()) <= 1, top.toString());
        ActivationText text = cells.render(top, 10, 200);
        assertEquals(cells.text().substring(10, 210), text.text());
        assertEquals(200, text.toHtml().split("<span style=\"background:", -1).length - 1);
        assertEquals(5, cells.table().rowCount());
        var e = assertThrows(IllegalArgumentException.class, () -> cells.correlations("c", CodeFeatures.COLUMN));
        assertEquals("state must be \"C_t\" or \"h_t\" but is \"c\"", e.getMessage());
    }

    @Test
    void quickModeKeepsTheNotebooksRunSmall() {
        System.setProperty(Quick.PROPERTY, "true");
        try {
            CharModelExperiment quick = CharModelExperiment.defaults();
            assertTrue(quick.trainSteps() <= 60 && quick.hidden() <= 32 && quick.characters() > 0, quick.toString());
        } finally {
            System.clearProperty(Quick.PROPERTY);
        }
        CharModelExperiment full = CharModelExperiment.defaults();
        assertEquals(0, full.characters(), "full mode trains on all of the text");
    }
}
