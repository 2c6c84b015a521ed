package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.nn.GruCell;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmVariant;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.fused.FusedGru;
import org.lstmlab.nn.fused.FusedLstm;
import org.lstmlab.train.LossMode;
import org.lstmlab.train.TrainConfig;
import tech.tablesaw.api.Table;

/** Notebook 09's experiments at a tiny size: what they report, and the claims the notebook makes of them. */
class VariantsExperimentTest {
    private static final TrainConfig TINY = TrainConfig.defaults()
            .withSteps(4)
            .withBatchSize(4)
            .withLearningRate(0.05)
            .withClipNorm(1.0)
            .quiet();

    private static VariantsExperiment tiny() {
        return new VariantsExperiment(3, 4, TINY, List.of(1L, 2L), 16, 2, TINY.withLoss(LossMode.EVERY_STEP), 8);
    }

    @Test
    void everyVariantAndTheGruIsTrainedWithEverySeedAndSummedUpInOneLineEach() {
        VariantsExperiment e = tiny();
        List<VariantsExperiment.Row> rows = e.runAll();
        assertEquals(7 * 2, rows.size());
        assertEquals(
                List.of(
                        "full LSTM",
                        "NFG (f_t ≡ 1)",
                        "NIG (i_t ≡ 1)",
                        "NOG (o_t ≡ 1)",
                        "NOAF (h_t = o_t * C_t)",
                        "CIFG (i_t = 1 − f_t)",
                        "GRU"),
                e.models().stream().map(VariantsExperiment.Model::name).toList());
        for (var r : rows) assertTrue(Double.isFinite(r.ratio()) && r.ratio() > 0, r.toString());
        Table t = VariantsExperiment.table(rows);
        assertEquals(7, t.rowCount());
        assertEquals("GRU", t.stringColumn("cell").get(6));
        double mean = (rows.get(0).ratio() + rows.get(1).ratio()) / 2;
        assertEquals(mean, VariantsExperiment.meanRatio(rows, "full LSTM"), 1e-12);
        assertEquals(
                Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", mean)),
                t.doubleColumn(2).get(0));
    }

    @Test
    void aRunIsRepeatableFromItsSeed() {
        VariantsExperiment e = tiny();
        var gru = e.models().get(6);
        assertEquals(e.run(gru, 3).mse(), e.run(gru, 3).mse());
    }

    /** Every cell trains on the fused path, and that path trains as the readable cells do, to rounding. */
    @Test
    void everyCellTrainsOnTheFusedPathAndGetsTheReadableCellsResult() {
        VariantsExperiment e = tiny();
        List<VariantsExperiment.Model> models = e.models();
        for (int k = 0; k < models.size(); k++) {
            var model = models.get(k);
            RecurrentLayer layer = model.make().apply(5);
            boolean gru = k == models.size() - 1;
            if (gru) {
                assertTrue(
                        layer instanceof FusedGru,
                        model + " trains on " + layer.getClass().getSimpleName());
            } else {
                LstmVariant variant = LstmVariant.values()[k];
                assertEquals(variant, ((FusedLstm) layer).variant(), model.name());
            }
            var readable = new VariantsExperiment.Model(model.name(), model.change(), seed -> {
                RecurrentLayer fused = model.make().apply(seed);
                return fused instanceof FusedLstm l
                        ? new LstmCell(l.params(), l.variant())
                        : new GruCell(((FusedGru) fused).params());
            });
            double fast = e.run(model, 5).mse(), slow = e.run(readable, 5).mse();
            assertEquals(slow, fast, 1e-9 * slow, model.name());
        }
    }

    @Test
    void withoutAForgetGateTheCellStateGrowsAlongTheStreamAndFIsOneEverywhere() {
        VariantsExperiment.Stream nfg = tiny().stream(LstmVariant.NO_FORGET_GATE);
        assertEquals(8 * 4, nfg.cellNorm().length);
        assertEquals(1.0, nfg.forgetAtStart());
        assertEquals(1.0, nfg.forgetElsewhere());
        assertTrue(nfg.lastNorm() > 1.5 * nfg.firstNorm(), nfg.toString());
        assertEquals(List.of(), Notebooks.tooWide(nfg.toString()), "JupyterLab would wrap these");
        assertEquals(8, nfg.endMse().length);
        assertEquals(nfg.endMse()[3] / nfg.baselineMse(), nfg.endRatios()[3]);
    }

    @Test
    void theFullCellsStateStaysWithinTheBoundItsForgetGateSets() {
        VariantsExperiment.Stream full = tiny().stream(LstmVariant.FULL);
        assertTrue(full.forgetAtStart() < 1 && full.forgetElsewhere() < 1, full.toString());
        // |C_t| ≤ f_max |C_{t-1}| + 1 per unit, so from C_0 = 0 every |C_t| ≤ 1/(1 − f_max) and ‖C_t‖ ≤ √H/(1 − f_max)
        double bound = Math.sqrt(3) / (1 - full.forgetMax());
        for (double n : full.cellNorm()) assertTrue(n <= bound, "‖C_t‖ = " + n + " > " + bound);
        Table t = VariantsExperiment.streamTable(List.of(full));
        assertEquals(1, t.rowCount());
    }

    @Test
    void theSummaryAndTheTableBesideThePapersNameEveryCellWithItsOwnNumbers() {
        VariantsExperiment e = tiny();
        List<VariantsExperiment.Row> rows = e.runAll();
        String summary = VariantsExperiment.summary(rows);
        List<String> lines = summary.lines().toList();
        assertEquals(2 + 7, lines.size(), "a header on two lines, a row per cell:\n" + summary);
        assertTrue(lines.get(1).startsWith("cell ") && lines.get(1).endsWith(" LSTM's"), summary);
        assertTrue(lines.get(2).startsWith("full LSTM ") && lines.get(2).endsWith(" 1.0"), summary);
        assertEquals(List.of(), Notebooks.tooWide(summary), "JupyterLab would wrap these");
        VariantsExperiment.Stream nfg = e.stream(LstmVariant.NO_FORGET_GATE);
        Table t = VariantsExperiment.besideThePapers(rows, List.of(nfg));
        assertEquals(7, t.rowCount());
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.3g", nfg.lateRatio()),
                t.stringColumn(2).get(1));
        assertEquals("—", t.stringColumn(2).get(0), "the full cell's stream was not run here");
        assertTrue(
                t.stringColumn(3).get(1).startsWith("significantly worse"),
                t.stringColumn(3).get(1));
        assertEquals("not in their study", t.stringColumn(3).get(6));
        assertTrue(
                t.stringColumn(3).get(2).startsWith("no better than the full cell"),
                t.stringColumn(3).get(2));
        assertEquals(t.stringColumn(3).get(2), t.stringColumn(3).get(3), "NIG and NOG: what the paper's text confirms");
    }

    /** Rows of every cell with the given MSE ÷ baseline per seed (baseline 1), in the order of the models. */
    private static List<VariantsExperiment.Row> rowsWithRatios(double[][] ratios) {
        List<VariantsExperiment.Row> rows = new ArrayList<>();
        var models = tiny().models();
        for (int m = 0; m < models.size(); m++) {
            for (int seed = 0; seed < ratios[m].length; seed++) {
                rows.add(new VariantsExperiment.Row(
                        models.get(m).name(), models.get(m).change(), seed + 1, ratios[m][seed], 1.0, 1.0));
            }
        }
        return rows;
    }

    /** MSE ÷ baseline per seed of full, NFG, NIG, NOG, NOAF, CIFG, GRU as in the quick run: NOG worst by one bad seed. */
    private static final double[][] QUICK_RATIOS = {
        {0.022, 0.036},
        {0.0255, 0.0589},
        {0.0507, 0.181},
        {0.0199, 0.804},
        {0.008, 0.009},
        {0.003, 0.004},
        {0.001, 0.002}
    };

    /** The sentence under notebook 09's table is printed from the run's numbers, so quick mode cannot contradict it. */
    @Test
    void theRankingNamesTheWorstCellTheUnsolvedOnesAndWhetherNfgAndTheFullCellsRangesOverlapFromTheRows() {
        String quick = VariantsExperiment.ranking(rowsWithRatios(QUICK_RATIOS));
        List<String> lines = quick.lines().toList();
        assertEquals(11, lines.size(), quick);
        assertEquals("This run, from the largest mean MSE ÷ baseline to the smallest:", lines.get(0));
        assertEquals(
                List.of(
                        "  NOG (o_t ≡ 1)             0.412",
                        "  NIG (i_t ≡ 1)             0.116",
                        "  NFG (f_t ≡ 1)            0.0422",
                        "  full LSTM                0.0290",
                        "  NOAF (h_t = o_t * C_t)  0.00850",
                        "  CIFG (i_t = 1 − f_t)    0.00350",
                        "  GRU                     0.00150"),
                lines.subList(1, 8),
                quick);
        assertEquals("Not solved with every seed: NIG (i_t ≡ 1), NOG (o_t ≡ 1).", lines.get(8));
        assertEquals(
                List.of(
                        "NFG (f_t ≡ 1): mean MSE ÷ baseline 1.5 × the full LSTM's;",
                        "  over the seeds 0.0255 to 0.0589 against 0.0220 to 0.0360, the ranges overlap."),
                lines.subList(9, 11));
        assertEquals(List.of(), Notebooks.tooWide(quick), "JupyterLab would wrap these");
        // like the full run: NIG worst and alone unsolved, NFG clearly apart from the full cell
        String full = VariantsExperiment.ranking(rowsWithRatios(new double[][] {
            {0.01, 0.02, 0.03},
            {0.001, 0.002, 0.003},
            {0.05, 0.3, 0.9},
            {0.02, 0.03, 0.04},
            {0.01, 0.01, 0.01},
            {0.01, 0.02, 0.02},
            {0.005, 0.006, 0.007}
        }));
        assertEquals("  NIG (i_t ≡ 1)             0.417", full.lines().toList().get(1), full);
        assertTrue(full.contains("\nNot solved with every seed: NIG (i_t ≡ 1).\n"), full);
        assertTrue(full.endsWith("the ranges do not overlap."), full);
        String none = VariantsExperiment.ranking(
                rowsWithRatios(new double[][] {{0.01}, {0.01}, {0.01}, {0.01}, {0.01}, {0.01}, {0.01}}));
        assertTrue(none.contains("\nEvery cell solved the task with every seed.\n"), none);
        System.setProperty("lstmlab.lang", "vi");
        try {
            String vi = VariantsExperiment.ranking(rowsWithRatios(QUICK_RATIOS));
            assertTrue(
                    vi.startsWith(
                            "Lần chạy này, từ MSE ÷ mốc so sánh trung bình lớn nhất đến nhỏ nhất:\n  NOG (o_t ≡ 1) "),
                    vi);
            assertTrue(vi.contains("\n  LSTM đầy đủ              0.0290\n"), vi);
            assertTrue(vi.contains("\nKhông giải được với mọi seed: NIG (i_t ≡ 1), NOG (o_t ≡ 1).\n"), vi);
            assertTrue(
                    vi.endsWith(
                            "× mức của LSTM đầy đủ;\n  qua các seed từ 0.0255 đến 0.0589 so với từ 0.0220 đến 0.0360,"
                                    + " hai khoảng chồng lên nhau."),
                    vi);
            assertEquals(List.of(), Notebooks.tooWide(vi), "JupyterLab would wrap these");
        } finally {
            System.clearProperty("lstmlab.lang");
        }
    }

    /** In Vietnamese the cells keep their own numbers and their papers' rows, though their names are translated. */
    @Test
    void inVietnameseTheTablesSummaryAndStreamAreVietnameseAndStillMatchTheirRows() {
        List<VariantsExperiment.Row> rows = new ArrayList<>();
        for (var m : tiny().models()) {
            rows.add(new VariantsExperiment.Row(m.name(), m.change(), 1, 0.01 * (rows.size() + 1), 0.5, 2.0));
            rows.add(new VariantsExperiment.Row(m.name(), m.change(), 2, 0.5, 0.5, 4.0));
        }
        var nfg = new VariantsExperiment.Stream(
                LstmVariant.NO_FORGET_GATE, 4, new double[16], 1, 1, 1, new double[] {1, 1, 2, 2}, 4, 1);
        System.setProperty("lstmlab.lang", "vi");
        try {
            Table t = VariantsExperiment.besideThePapers(rows, List.of(nfg));
            assertEquals("ô nhớ", t.column(0).name());
            assertEquals(
                    List.of("LSTM đầy đủ", "NFG (f_t ≡ 1)"),
                    t.stringColumn(0).asList().subList(0, 2));
            assertEquals("0.500", t.stringColumn(2).get(1), "NFG's stream, found by its English name");
            assertEquals("kém hơn đáng kể ở cả ba bài toán", t.stringColumn(3).get(1));
            assertEquals(
                    "18 % lời giải hoàn hảo, thêm 29 % lời giải tốt",
                    t.stringColumn(4).get(0));
            assertEquals(
                    "1 trên 2", VariantsExperiment.table(rows).stringColumn(5).get(0));
            String summary = VariantsExperiment.summary(rows);
            List<String> lines = summary.lines().toList();
            assertTrue(lines.get(0).endsWith(" học được   đứng yên ở  MSE ÷ mốc so sánh,    × mức của"), summary);
            assertTrue(lines.get(1).startsWith("ô nhớ ") && lines.get(1).endsWith(" trung bình  LSTM đầy đủ"), summary);
            assertTrue(lines.get(2).startsWith("LSTM đầy đủ ") && lines.get(2).contains(" 1 trên 2 "), summary);
            assertEquals(List.of(), Notebooks.tooWide(summary), "JupyterLab would wrap these");
            assertTrue(
                    nfg.toString().startsWith("NFG (f_t ≡ 1) qua 4 chuỗi T = 4 không đặt lại trạng thái:\n  ‖C_t‖"),
                    nfg.toString());
            assertEquals(List.of(), Notebooks.tooWide(nfg.toString()), "JupyterLab would wrap these");
        } finally {
            System.clearProperty("lstmlab.lang");
        }
    }

    @Test
    void thePapersTableHasOneRowPerCell() {
        Table p = VariantsExperiment.papers();
        assertEquals(7, p.rowCount());
        assertTrue(p.stringColumn(2).get(1).startsWith("0 % perfect"));
    }
}
