package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole course runs through the course kernel in quick mode ({@code ./lab run-notebooks --quick}), in
 * English and in the Vietnamese edition ({@code --lang vi}), every cell without an error output, and each
 * notebook's key result holds in what the cells printed. A second run of each edition ({@code --out
 * target/notebooks-again}) prints and draws the same (issue 29: every random draw is seeded). The first run keeps
 * the executed copies in target/notebooks that are current ({@code --reuse}: SiteIT's build may have made them), and
 * SiteIT builds the site from them; the second always runs.
 */
class CourseNotebooksRunIT {
    private static final Path EXECUTED = Path.of("target/notebooks");
    private static final Path EXECUTED_VI = EXECUTED.resolve("vi");
    private static final Path AGAIN = Path.of("target/notebooks-again");
    private static Run english;
    private static Run vietnamese;
    private static Run englishAgain;
    private static Run vietnameseAgain;

    @BeforeAll
    static void runTheCourseInQuickMode() throws Exception {
        assertEquals(Notebooks.COURSE, Notebooks.names(Notebooks.FOLDER), "notebooks/ must hold the course notebooks");
        assertEquals(
                Notebooks.COURSE,
                Notebooks.names(Notebooks.VIETNAMESE),
                "notebooks/vi/ must hold the course notebooks (./lab translate)");
        for (String name : Notebooks.COURSE) {
            for (Path folder : List.of(AGAIN, AGAIN.resolve("vi")))
                Files.deleteIfExists(folder.resolve(name + ".ipynb"));
        }
        english = run("./lab", "run-notebooks", "--quick", "--reuse");
        vietnamese = run("./lab", "run-notebooks", "--quick", "--reuse", "--lang", "vi");
        englishAgain = run("./lab", "run-notebooks", "--quick", "--out", AGAIN.toString());
        vietnameseAgain = run("./lab", "run-notebooks", "--quick", "--lang", "vi", "--out", AGAIN.toString());
    }

    /** What a command printed, and how it exited. */
    private record Run(String output, int exitCode) {}

    private static Run run(String... command) throws Exception {
        String line = String.join(" ", command);
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LSTMLAB_LANG"); // each edition in its own language, whatever the shell says
        builder.environment().remove("LSTMLAB_CHECK_SEED"); // run-notebooks' own fixed seed, as the site's
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), line + " timed out");
        System.out.printf("%s: executed in %.0f s%n%s%n", line, (System.nanoTime() - start) / 1e9, output);
        return new Run(output, process.exitValue());
    }

    @Test
    void everyNotebookRunsAndNoCellHasAnErrorOutput() throws Exception {
        assertEquals(0, english.exitCode(), "./lab run-notebooks --quick failed:\n" + english.output());
        assertEquals(List.of(), errors(EXECUTED, english.output()));
    }

    @Test
    void everyVietnameseNotebookRunsAndNoCellHasAnErrorOutput() throws Exception {
        assertEquals(0, vietnamese.exitCode(), "./lab run-notebooks --quick --lang vi failed:\n" + vietnamese.output());
        assertEquals(List.of(), errors(EXECUTED_VI, vietnamese.output()));
    }

    @Test
    void everyNotebookPrintsAndDrawsTheSameOnASecondRun() throws Exception {
        assertEquals(0, english.exitCode(), "./lab run-notebooks --quick failed:\n" + english.output());
        assertEquals(0, englishAgain.exitCode(), "the second run failed:\n" + englishAgain.output());
        assertEquals(List.of(), differences(EXECUTED, AGAIN));
    }

    @Test
    void everyVietnameseNotebookPrintsAndDrawsTheSameOnASecondRun() throws Exception {
        assertEquals(0, vietnamese.exitCode(), "./lab run-notebooks --quick --lang vi failed:\n" + vietnamese.output());
        assertEquals(0, vietnameseAgain.exitCode(), "the second run failed:\n" + vietnameseAgain.output());
        assertEquals(List.of(), differences(EXECUTED_VI, AGAIN.resolve("vi")));
    }

    private static List<String> differences(Path first, Path second) throws Exception {
        List<String> found = new ArrayList<>();
        for (String name : Notebooks.COURSE) {
            found.addAll(SameOutputs.differences(
                    name,
                    Notebooks.read(first.resolve(name + ".ipynb")),
                    Notebooks.read(second.resolve(name + ".ipynb"))));
        }
        return found;
    }

    @Test
    void theVietnameseExerciseChecksShowNotImplementedInVietnamese() throws Exception {
        assertEquals(0, vietnamese.exitCode(), "./lab run-notebooks --quick --lang vi failed:\n" + vietnamese.output());
        String text = printed(EXECUTED_VI, "02-forget-gate", "check(\"E3\")");
        assertTrue(text.contains("E3 cổng quên") && text.contains("0/8"), text);
        assertTrue(text.contains("chưa làm: hãy thay TODO trong E3ForgetGate.forgetGate"), text);
        assertTrue(
                text.contains("<th style=\"text-align:left\">bài tập</th><th>điểm</th>"
                        + "<th style=\"text-align:left\">nhận xét</th>"),
                text);
    }

    /** Every error output, and every exception printed to stderr, of the executed notebooks in a folder. */
    private static List<String> errors(Path executed, String runOutput) throws Exception {
        List<String> errors = new ArrayList<>();
        for (String name : Notebooks.COURSE) {
            Path file = executed.resolve(name + ".ipynb");
            assertTrue(Files.isRegularFile(file), "no executed copy of " + file + ":\n" + runOutput);
            int index = 0;
            for (JsonElement e : Notebooks.cells(Notebooks.read(file))) {
                index++;
                JsonObject cell = e.getAsJsonObject();
                if (!cell.get("cell_type").getAsString().equals("code")) continue;
                for (JsonElement o : cell.getAsJsonArray("outputs")) {
                    JsonObject out = o.getAsJsonObject();
                    if (out.get("output_type").getAsString().equals("error")) {
                        errors.add(name + " cell " + index + ": "
                                + out.get("ename").getAsString() + ": "
                                + out.get("evalue").getAsString());
                    }
                    if (out.has("name") && out.get("name").getAsString().equals("stderr")) {
                        String text = Notebooks.text(cell);
                        if (text.contains("Exception"))
                            errors.add(name + " cell " + index + " printed an exception to stderr: " + text);
                    }
                }
            }
        }
        return errors;
    }

    /** JupyterLab wraps a longer line of text output mid-word (notebook 09's summary did, at 146 places). */
    @Test
    void everyLineTheCourseShowsAsTextFitsJupyterLabsOutputAreaInBothEditions() throws Exception {
        assertEquals(0, english.exitCode(), "./lab run-notebooks --quick failed:\n" + english.output());
        assertEquals(0, vietnamese.exitCode(), "./lab run-notebooks --quick --lang vi failed:\n" + vietnamese.output());
        List<String> wide = new ArrayList<>();
        for (Path executed : List.of(EXECUTED, EXECUTED_VI)) {
            for (String name : Notebooks.COURSE) {
                JsonArray cells = Notebooks.cells(Notebooks.read(executed.resolve(name + ".ipynb")));
                for (int k = 0; k < cells.size(); k++) {
                    for (String line : Notebooks.tooWide(cells.get(k).getAsJsonObject())) {
                        wide.add(executed.resolve(name) + " cell " + k + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), wide, "at most " + Notebooks.OUTPUT_PLACES + " places a line");
    }

    @Test
    void notebookOneShowsTheRnnGradientVanishingBelowOneInAHundredMillionAtLagFifty() throws Exception {
        String table = printed("01-rnn-vanishing-gradients", "curves.table(10, 50, 60)");
        double lag50 = column(table, "‖W_hh‖₂ = 0.5 ", 1);
        assertTrue(lag50 < 1e-8, "‖∂h_T/∂h_{T−50}‖₂ at ‖W_hh‖₂ = 0.5 is " + lag50 + "\n" + table);
    }

    @Test
    void notebookFourShowsTheLstmCellPathAboveOneHundredthAtLagFiftyWithForgetGatesNearOne() throws Exception {
        String table = printed("04-cell-state", "curves.table(10, 50, 60)");
        double lstm = column(table, "LSTM cell path ‖Π diag(f_s)‖₂, b_f = 5 ", 1);
        double rnn = column(table, "RNN ‖∂h_T/∂h_t‖₂", 1);
        assertTrue(lstm > 1e-2, "cell path at lag 50 with b_f = 5: " + lstm + "\n" + table);
        assertTrue(rnn < 1e-8, "RNN at lag 50: " + rnn + "\n" + table);
        // "with b_f = 1 … far below 1 by lag 50"; "with b_f = 5 … within an order of magnitude of 1 over all 60 steps"
        assertTrue(column(table, "LSTM cell path ‖Π diag(f_s)‖₂, b_f = 1 ", 1) < 1e-4, table);
        for (int k = 0; k < 3; k++) {
            double v = column(table, "LSTM cell path ‖Π diag(f_s)‖₂, b_f = 5 ", k);
            assertTrue(v > 0.1 && v <= 1, table);
        }
    }

    @Test
    void notebookFourShowsTheCellPathFallingAtTheGeometricMeanOfTheUnitThatForgetsLeast() throws Exception {
        String table = printed("04-cell-state", "curves.table(10, 50, 60)");
        String rates = printed("04-cell-state", "experiment.forgetRates(1.0)");
        Pattern line = Pattern.compile("b_f = (\\d+): unit \\d+ forgets least; its geometric-mean f over 60 steps is"
                + " ([0-9.]+), and [0-9.]+\\^60 = ([0-9.e+-]+)\\s+the mean f over all units and steps is ([0-9.]+),"
                + " and [0-9.]+\\^60 = ([0-9.e+-]+)");
        Matcher m = line.matcher(rates);
        int found = 0;
        while (m.find()) {
            found++;
            String bias = m.group(1);
            double atSixty = column(table, "LSTM cell path ‖Π diag(f_s)‖₂, b_f = " + bias + " ", 2);
            // "raised to the 60th power it gives the table's value at lag 60 exactly"
            assertEquals(atSixty, Double.parseDouble(m.group(3)), 1e-3 * atSixty, rates + "\n" + table);
            // "the mean f over all units is smaller"
            assertTrue(Double.parseDouble(m.group(4)) < Double.parseDouble(m.group(2)), rates);
            // "for b_f = 1 its 60th power is more than ten times below the table's value"
            if (bias.equals("1")) assertTrue(Double.parseDouble(m.group(5)) < atSixty / 10, rates);
        }
        assertEquals(2, found, rates);
    }

    @Test
    void notebookFourShowsTheFullJacobiansAgainstTheCellPathAsItsProseSays() throws Exception {
        String tables = printed("04-cell-state", "paths1.table(5, 30, 50, 60)");
        for (String bias : List.of("1", "5")) {
            double[] rnn = row(tables, "RNN ‖∂h_T/∂h_t‖₂", bias.equals("1") ? 0 : 1);
            double[] hidden = row(tables, "LSTM full ‖∂h_T/∂h_t‖₂, b_f = " + bias + " ", 0);
            for (int k = 1; k < 4; k++) {
                // "at lags 30, 50 and 60 … more than five orders of magnitude above the RNN's, for both biases"
                assertTrue(hidden[k] > 1e5 * rnn[k], "b_f = " + bias + ", column " + k + "\n" + tables);
            }
        }
        double[] hidden1 = row(tables, "LSTM full ‖∂h_T/∂h_t‖₂, b_f = 1 ", 0);
        double[] rnn = row(tables, "RNN ‖∂h_T/∂h_t‖₂", 0);
        double[] hidden5 = row(tables, "LSTM full ‖∂h_T/∂h_t‖₂, b_f = 5 ", 0);
        double[] cell5 = row(tables, "LSTM full ‖∂C_T/∂C_t‖₂, b_f = 5 ", 0);
        double[] path5 = row(tables, "LSTM cell path ‖Π diag(f_s)‖₂, b_f = 5 ", 0);
        double[] cell1 = row(tables, "LSTM full ‖∂C_T/∂C_t‖₂, b_f = 1 ", 0);
        double[] path1 = row(tables, "LSTM cell path ‖Π diag(f_s)‖₂, b_f = 1 ", 0);
        for (int k = 1; k < 4; k++) {
            // "with b_f = 1 it still falls with the lag, more slowly than the RNN's"
            assertTrue(hidden1[k] < hidden1[k - 1] && hidden1[k] / hidden1[0] > rnn[k] / rnn[0], tables);

            // "with b_f = 5 the full ‖∂C_T/∂C_t‖₂ is above the cell path and grows with the lag"
            assertTrue(cell5[k] > cell5[k - 1] && cell5[k] > path5[k], tables);
            // "with b_f = 1 the cell path itself vanishes, and the full Jacobians with it"
            assertTrue(path1[k] < path1[k - 1] && cell1[k] < cell1[k - 1], tables);
        }
        assertTrue(cell5[0] > path5[0], tables);
        // "with b_f = 5 it is larger at lag 60 than at lag 5"
        assertTrue(hidden5[3] > hidden5[0], tables);
        assertTrue(path1[3] < 1e-4 && cell1[3] < 1e-4 && hidden1[3] < 1e-4, tables);
    }

    @Test
    void notebookThreeShowsTanhPassingFourTimesTheSlopeOfSigmaAtZeroAndAWriteBelowOne() throws Exception {
        String text = printed("03-input-gate-and-candidate", "sigmoidAtZero");
        Matcher slopes = Pattern.compile(
                        "σ′\\(0\\) = σ\\(0\\)\\(1 − σ\\(0\\)\\) = ([0-9.]+), tanh′\\(0\\) = 1 − tanh²\\(0\\) = ([0-9.]+)")
                .matcher(text);
        assertTrue(slopes.find(), text);
        // "tanh′(0) = 1 against σ′(0) = 1/4": four times
        assertEquals(0.25, Double.parseDouble(slopes.group(1)), 1e-9, text);
        assertEquals(1.0, Double.parseDouble(slopes.group(2)), 1e-9, text);
        Matcher written = Pattern.compile("i_t \\* C̃_t in \\[(-?[0-9.]+), (-?[0-9.]+)\\]")
                .matcher(text);
        assertTrue(written.find(), text);
        // "|i_t * C̃_t| < 1"; the candidate takes both signs
        assertTrue(Double.parseDouble(written.group(1)) > -1 && Double.parseDouble(written.group(1)) < 0, text);
        assertTrue(Double.parseDouble(written.group(2)) < 1 && Double.parseDouble(written.group(2)) > 0, text);
    }

    @Test
    void notebookFiveShowsTheCellStateUnderBothBoundsAndASaturatedSlopeAtItsLargestValue() throws Exception {
        String text = printed("05-output-gate", "CellStateBound.of(run, zero)");
        Matcher m = Pattern.compile("largest \\|C_t\\| = ([0-9.]+) .*\\n.*max \\|C_0\\| \\+ T = ([0-9.]+)\\n"
                        + ".*1/\\(1 − f_max\\)\\) = ([0-9.]+)\\n.*at that largest \\|C_t\\|: ([0-9.e+-]+)"
                        + " \\(largest over the run: ([0-9.]+)\\)")
                .matcher(text);
        assertTrue(m.find(), text);
        double largest = Double.parseDouble(m.group(1));
        // "the largest |C_t| it reached, which lies under both"
        assertTrue(largest <= Double.parseDouble(m.group(2)) && largest <= Double.parseDouble(m.group(3)), text);
        // "where |C_t| is large, tanh saturates and the path … carries little gradient"
        assertTrue(Double.parseDouble(m.group(4)) < 0.01 * Double.parseDouble(m.group(5)), text);
        String before = printed("05-output-gate", "byHand.equalsWithEps(step.h(), 1e-12)");
        assertTrue(before.contains("h_t equals o_t * tanh(C_t): true"), before);
    }

    @Test
    void notebookSixShowsATinyRelativeErrorForTheCorrectBackwardPass() throws Exception {
        String text = printed("06-full-lstm", "GradientCheck.sequence(");
        Matcher m = Pattern.compile("largest relative error ([0-9.e+-]+); passes at 1e-7: true")
                .matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Double.parseDouble(m.group(1)) < 1e-7, text);
    }

    @Test
    void notebookSevenShowsTheLstmBeatingTheRnnAtTheLargestQuickLength() throws Exception {
        String summary = printed("07-long-range-dependencies", "AddingExperiment.summary(rows)");
        Matcher m = Pattern.compile(
                        "T = 10: +LSTM solved \\(([0-9.e-]+) × baseline\\)\n +RNN +[a-z ]+ \\(([0-9.e-]+) ×")
                .matcher(summary);
        assertTrue(m.find(), "the largest quick-mode T is 10 and the LSTM solves it: " + summary);
        assertTrue(Double.parseDouble(m.group(1)) < Double.parseDouble(m.group(2)), "LSTM beats RNN: " + summary);
    }

    @Test
    void notebookSevenShowsTheTrainedLstmOpeningItsInputGateAtTheMarksAndHoldingInBetween() throws Exception {
        String gates = printed("07-long-range-dependencies", "experiment.gates(solved)");
        assertTrue(gates.contains("opens only at the marks: true; holds between them: true"), gates);
        String compared = printed("07-long-range-dependencies", "comparedWithThePaper(rows)");
        assertTrue(
                compared.contains("the paper's lengths, T = 100, 500 and 1000,\nare 10, 50 and 100 times"), compared);
    }

    @Test
    void notebookEightShowsTheForecastBeatingPersistence() throws Exception {
        String text = printed("08-real-data", "System.out.println(result.test())");
        assertTrue(text.contains("On the test days the LSTM's MSE is"), text);
        Matcher m = Pattern.compile("test MSE \\(°C²\\): LSTM ([0-9.]+), persistence ([0-9.]+)")
                .matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Double.parseDouble(m.group(1)) < Double.parseDouble(m.group(2)), text);
    }

    @Test
    void notebookEightScoresTheTestPartOnceAfterEveryDecision() throws Exception {
        List<String> sources = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (JsonElement e : Notebooks.cells(Notebooks.read(EXECUTED.resolve("08-real-data.ipynb")))) {
            JsonObject cell = e.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            sources.add(Notebooks.source(cell));
            outputs.add(Notebooks.text(cell));
        }
        List<Integer> testScores = new ArrayList<>();
        for (int k = 0; k < outputs.size(); k++) if (outputs.get(k).contains("test MSE")) testScores.add(k);
        assertEquals(1, testScores.size(), "the test part is scored in one cell: " + testScores);
        int ablation = -1;
        int validation = -1;
        for (int k = 0; k < sources.size(); k++) {
            if (sources.get(k).contains(".ablation(")) ablation = k;
            if (sources.get(k).contains("result.validation()")) validation = k;
        }
        assertTrue(validation >= 0 && ablation > validation && testScores.get(0) > ablation, sources.toString());
        assertTrue(
                outputs.subList(testScores.get(0) + 1, outputs.size()).stream()
                        .noneMatch(o -> o.contains("train longer")),
                "no decision after the test score");
    }

    @Test
    void notebookEightsValidationVerdictIsTheOneItsNumbersGive() throws Exception {
        String text = printed("08-real-data", "System.out.println(result.validation())");
        Matcher m = Pattern.compile("validation MSE \\(°C²\\): LSTM ([0-9.]+), persistence ([0-9.]+)")
                .matcher(text);
        assertTrue(m.find(), text);
        double lstm = Double.parseDouble(m.group(1));
        double persistence = Double.parseDouble(m.group(2));
        String percent = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * Math.abs(1 - lstm / persistence));
        String side = lstm < persistence ? "below" : "above";
        assertTrue(
                text.contains("MSE is " + percent + " " + side + " persistence's"), percent + " " + side + "\n" + text);
    }

    @Test
    void notebookEightShowsEachPartsFirstThirtyDaysAsInputsAndTheSeasonsDifferentVariances() throws Exception {
        String text = printed("08-real-data", "ForecastExperiment.parts(");
        Map<String, String[]> parts = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 6 && f[1].matches("\\d{4}-\\d{2}-\\d{2}")) parts.put(f[0], f);
        }
        assertEquals(java.util.Set.of("train", "validation", "test"), parts.keySet(), text);
        for (String[] f : parts.values()) {
            // "the first 30 days of each part are inputs only: its first target is day 31"
            assertEquals(java.time.LocalDate.parse(f[1]).plusDays(30), java.time.LocalDate.parse(f[2]), text);
        }
        double validation = Double.parseDouble(parts.get("validation")[5]);
        double test = Double.parseDouble(parts.get("test")[5]);
        double train = Double.parseDouble(parts.get("train")[5]);
        // "over the training rows the variance is about 1"; "their target variances differ"
        assertEquals(1, train, 0.1, text);
        assertTrue(Math.max(validation, test) > 2 * Math.min(validation, test), text);
        // the validation loss below the training loss is explained by the season, as the prose says
        assertTrue(validation < train, text);
    }

    @Test
    void notebookEightsAblationSentenceIsTheOneItsTableGives() throws Exception {
        String text = printed("08-real-data", ".ablation(");
        Map<String, List<Double>> shares = new java.util.HashMap<>();
        Map<String, List<Double>> mses = new java.util.HashMap<>();
        Matcher row = Pattern.compile("(?m)^(temp_max(?:, [a-z_]+)*)\\s+(\\d+)\\s+([0-9.]+)\\s+(-?[0-9.]+)%")
                .matcher(text);
        while (row.find()) {
            shares.computeIfAbsent(row.group(1), k -> new ArrayList<>()).add(Double.parseDouble(row.group(4)));
            mses.computeIfAbsent(row.group(1), k -> new ArrayList<>()).add(Double.parseDouble(row.group(3)));
        }
        List<Double> four = shares.get("temp_max, temp_min, precipitation, wind");
        List<Double> alone = shares.get("temp_max");
        assertTrue(four != null && alone != null && four.size() == 3 && alone.size() == 3, text);
        boolean overlap = java.util.Collections.min(four) <= java.util.Collections.max(alone)
                && java.util.Collections.min(alone) <= java.util.Collections.max(four);
        assertTrue(text.contains(overlap ? "The ranges overlap" : "The ranges do not overlap"), text);
        int wins = 0;
        for (int k = 0; k < 3; k++) {
            if (mses.get("temp_max, temp_min, precipitation, wind").get(k)
                    < mses.get("temp_max").get(k)) wins++;
        }
        assertTrue(text.contains("lower validation MSE for " + wins + " of 3 seeds"), text);
    }

    @Test
    void notebookTenScoresTheModelBesideBothBaselinesAndWritesAtThreeTemperatures() throws Exception {
        String summary = printed("10-lstm-that-writes", "System.out.println(result)");
        Matcher m = Pattern.compile("held-out ([0-9.]+) bits/char \\(unigram ([0-9.]+), bigram ([0-9.]+)\\)")
                .matcher(summary);
        assertTrue(m.find(), summary);
        assertTrue(Double.parseDouble(m.group(3)) < Double.parseDouble(m.group(2)), summary);
        String table = printed("10-lstm-that-writes", "result.bitsPerChar()");
        assertTrue(table.contains("unigram") && table.contains("bigram") && table.contains("LSTM"), table);
        String samples = printed("10-lstm-that-writes", "result.samples(");
        for (String tau : List.of("τ = 0.5:\npublic ", "τ = 1.0:\npublic ", "τ = 1.5:\npublic ")) {
            assertTrue(samples.contains(tau), samples);
        }
    }

    @Test
    void notebookTenDrawsTheBestUnitOverTheTextAsColouredHtmlInBothLanguages() throws Exception {
        assertEquals(0, english.exitCode(), "./lab run-notebooks --quick failed:\n" + english.output());
        for (Path executed : List.of(EXECUTED, EXECUTED_VI)) {
            String html = printed(executed, "10-lstm-that-writes", "cells.render(best");
            assertTrue(
                    html.contains("lstmlab-activation") && html.contains("<span style=\"background:rgb("),
                    executed + ": " + html);
        }
    }

    @Test
    void theExerciseChecksShowNotImplementedForTheStarterCodeWithoutAnError() throws Exception {
        String text = printed("02-forget-gate", "check(\"E3\")");
        assertTrue(text.contains("E3") && text.contains("0/"), text);
        assertTrue(text.toLowerCase().contains("not implemented"), text);
    }

    @Test
    void theExpectedOutputCellsShowNotImplementedAsTheStartersOutputWithoutAnError() throws Exception {
        for (String notebook : List.of(
                "01-rnn-vanishing-gradients",
                "02-forget-gate",
                "03-input-gate-and-candidate",
                "04-cell-state",
                "05-output-gate",
                "06-full-lstm",
                "09-which-parts-matter")) {
            String text = printed(notebook, "expectedOutput(");
            assertTrue(
                    text.contains("expected output") && text.contains("not implemented yet"), notebook + ": " + text);
        }
    }

    @Test
    void notebookNineShowsTheCellStateGrowingAlongTheStreamWithoutAForgetGateAndNotWithOne() throws Exception {
        String text = printed("09-which-parts-matter", "experiment.stream(LstmVariant.NO_FORGET_GATE)");
        Pattern line =
                Pattern.compile("(full LSTM|NFG \\(f_t ≡ 1\\)) over \\d+ sequences of T = \\d+ without reset:\\s+mean"
                        + " ‖C_t‖ ([0-9.]+) in the first sequence, ([0-9.]+) in the last");
        Matcher m = line.matcher(text);
        java.util.Map<String, double[]> norms = new java.util.HashMap<>();
        while (m.find()) {
            norms.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        assertEquals(2, norms.size(), text);
        double[] nfg = norms.get("NFG (f_t ≡ 1)");
        double[] full = norms.get("full LSTM");
        // "the norm climbs along the stream" without a forget gate; "with one, ‖C_t‖ stays bounded"
        assertTrue(nfg[1] > 2 * nfg[0], text);
        assertTrue(full[1] < nfg[1], text);
    }

    /** What the first code cell of an executed notebook whose source contains {@code marker} showed. */
    private static String printed(String notebook, String marker) throws Exception {
        assertEquals(0, english.exitCode(), "./lab run-notebooks --quick failed:\n" + english.output());
        return printed(EXECUTED, notebook, marker);
    }

    private static String printed(Path executed, String notebook, String marker) throws Exception {
        for (JsonElement e : Notebooks.cells(Notebooks.read(executed.resolve(notebook + ".ipynb")))) {
            JsonObject cell = e.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")
                    && Notebooks.source(cell).contains(marker)) {
                return Notebooks.text(cell);
            }
        }
        throw new AssertionError(notebook + " has no code cell containing " + marker);
    }

    /** The numbers of the {@code occurrence}-th (0 first) table line starting with {@code prefix}. */
    private static double[] row(String tables, String prefix, int occurrence) {
        int seen = 0;
        for (String line : tables.split("\n")) {
            if (line.startsWith(prefix) && seen++ == occurrence) {
                List<Double> values = new ArrayList<>();
                Matcher m = Pattern.compile("\\s([0-9.]+e[+-][0-9]+)").matcher(line);
                while (m.find()) values.add(Double.parseDouble(m.group(1)));
                return values.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        throw new AssertionError("no line " + occurrence + " starting with '" + prefix + "' in\n" + tables);
    }

    /** The value in column {@code k} (0 = lag 10, 1 = lag 50, 2 = lag 60) of the table line starting with {@code prefix}. */
    private static double column(String table, String prefix, int k) {
        for (String line : table.split("\n")) {
            if (line.startsWith(prefix)) {
                String[] parts = line.trim().split("\\s+");
                return Double.parseDouble(parts[parts.length - 3 + k]);
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in\n" + table);
    }

    /** The notebooks with an explorable (a cell calling {@code Widgets.interact(}). */
    static final List<String> EXPLORABLES =
            List.of("01-rnn-vanishing-gradients", "02-forget-gate", "04-cell-state", "07-long-range-dependencies");

    @Test
    void whereNobodyMovesASliderEachExplorableShowsItsFigureAndTheNotebookKeepsTheWidgetsState() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String name : EXPLORABLES) {
            problems.addAll(explorableProblems(EXECUTED.resolve(name + ".ipynb")));
            problems.addAll(explorableProblems(EXECUTED_VI.resolve(name + ".ipynb")));
        }
        assertEquals(List.of(), problems);
    }

    /**
     * What is wrong with an executed notebook's explorable: its cell must show the widget view and, for notebooks
     * without widgets, the figure as a PNG; the notebook's metadata must hold the widgets' state (nbclient's
     * store_widget_state), the shown model and its image's PNG among them, so exported HTML can show them.
     */
    static List<String> explorableProblems(Path executed) throws Exception {
        List<String> problems = new ArrayList<>();
        JsonObject notebook = Notebooks.read(executed);
        String modelId = null;
        for (JsonElement e : Notebooks.cells(notebook)) {
            JsonObject cell = e.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")
                    || !Notebooks.source(cell).contains("Widgets.interact(")) {
                continue;
            }
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
                if (data != null && data.has("application/vnd.jupyter.widget-view+json")) {
                    modelId = data.getAsJsonObject("application/vnd.jupyter.widget-view+json")
                            .get("model_id")
                            .getAsString();
                    if (!data.has("image/png")
                            || !data.get("image/png").getAsString().startsWith("iVBORw0KGgo")) {
                        problems.add(executed + ": the explorable shows no PNG beside its widget view");
                    }
                }
            }
        }
        if (modelId == null) {
            problems.add(executed + ": no cell shows an explorable's widget view");
            return problems;
        }
        JsonObject metadata = notebook.getAsJsonObject("metadata");
        JsonObject widgets = metadata.has("widgets") ? metadata.getAsJsonObject("widgets") : new JsonObject();
        JsonObject state = widgets.has("application/vnd.jupyter.widget-state+json")
                ? widgets.getAsJsonObject("application/vnd.jupyter.widget-state+json")
                        .getAsJsonObject("state")
                : new JsonObject();
        if (!state.has(modelId)) {
            problems.add(executed + ": the saved widget state lacks the shown model " + modelId);
        }
        boolean image = state.entrySet().stream()
                .map(m -> m.getValue().getAsJsonObject())
                .anyMatch(m -> m.get("model_name").getAsString().equals("ImageModel")
                        && m.has("buffers")
                        && m.getAsJsonArray("buffers").size() == 1);
        if (!image) {
            problems.add(executed + ": the saved widget state holds no image with its PNG buffer");
        }
        return problems;
    }
}
