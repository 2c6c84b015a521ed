package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The library's titles, labels and legends follow the edition's language; the code that draws them does not change. */
class WordsTest {
    @AfterEach
    void english() {
        System.clearProperty("lstmlab.lang");
    }

    @Test
    void aChartIsDrawnInVietnameseWhenTheLanguageIsVietnamese() {
        double[] i = {0.2, 0.9}, f = {0.8, 0.1}, o = {0.5, 0.5};
        XYChart en = GateTraceChart.chart("Unit 4", i, f, o, 2);
        assertTrue(
                en.getSeriesMap().containsKey("forget gate f_t"),
                en.getSeriesMap().keySet().toString());
        assertEquals("time step t", en.getXAxisTitle());
        System.setProperty("lstmlab.lang", "vi");
        XYChart vi = GateTraceChart.chart("Unit 4", i, f, o, 2);
        assertEquals("bước thời gian t", vi.getXAxisTitle());
        assertEquals("giá trị cổng", vi.getYAxisTitle());
        assertTrue(
                vi.getSeriesMap()
                        .keySet()
                        .containsAll(List.of("cổng quên f_t", "cổng vào i_t", "bước được đánh dấu t = 2")),
                vi.getSeriesMap().keySet().toString());
    }

    @Test
    void aTemplateCarriesItsPartsAndAnUnknownTextStaysAsItIs() {
        assertEquals(
                "Bài toán cộng, T = 50: giá trị mất mát khi huấn luyện",
                Words.vietnamese("Adding problem, T = 50: training loss"));
        assertEquals(
                "LSTM đã huấn luyện, T = 100: đơn vị 3 trên một chuỗi để riêng",
                Words.vietnamese("Trained LSTM, T = 100: unit 3 on one held-out sequence"));
        assertEquals("Unit 4", Words.vietnamese("Unit 4"));
    }

    /**
     * A word alone is translated only where it is meant: the data's "test" part is "kiểm tra", a chart or curve a
     * student names "test" stays as it is; a yes/no answer is "có"/"không".
     */
    @Test
    void aWordAloneIsTranslatedOnlyInThePlaceItsLineNames() {
        System.setProperty("lstmlab.lang", "vi");
        assertEquals("test", Words.t("test"));
        assertEquals("true", Words.t("true"));
        assertEquals("kiểm tra", Words.term("part", "test"));
        assertEquals("test", Words.term("column", "test"));
        assertEquals("có", Words.yes(true));
        assertEquals("không", Words.yes(false));
        XYChart chart = Figures.lineChart("test", "cell", "state", false);
        assertEquals(
                List.of("test", "cell", "state"),
                List.of(chart.getTitle(), chart.getXAxisTitle(), chart.getYAxisTitle()));
        System.clearProperty("lstmlab.lang");
        assertEquals("test", Words.term("part", "test"));
        assertEquals("true", Words.yes(true));
    }

    /** The one-word lines without a place are the words the course's charts draw as labels and legends. */
    @Test
    void everyLineOfOneWordNamesItsPlaceButAChartsWords() throws Exception {
        List<String> bare = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/org/lstmlab/plot/words-vi.txt"))) {
            if (line.startsWith("#") || !line.contains("\t")) continue;
            String en = line.substring(0, line.indexOf('\t'));
            if (!en.startsWith("@") && en.matches("[\\p{L}'’]+")) bare.add(en);
        }
        assertEquals(List.of("activation", "date", "value", "truth", "maximum", "minimum", "persistence"), bare);
    }

    /** Notebook 00 prints the library's message about a wrong shape; the Vietnamese edition prints it in Vietnamese. */
    @Test
    void theShapeMessageNotebookZeroPrintsIsVietnamese() {
        var rnn = new org.lstmlab.nn.RnnCell(org.lstmlab.nn.RnnParams.init(3, 4, 42));
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> rnn.forward(
                        org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2, 5),
                        org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2, 4)));
        System.setProperty("lstmlab.lang", "vi");
        String said = Words.t(e.getMessage());
        assertEquals("x_t phải có hình dạng [B, X] = [2, 3] nhưng đang là [2, 5]", said);
        assertEquals(List.of(), org.lstmlab.grade.report.EnglishWords.in(said));
    }

    /** A piece of a sentence keeps its spaces at either end in Vietnamese. */
    @Test
    void aPieceOfASentenceKeepsItsSpaces() {
        assertEquals(" không có giá trị nào để vẽ", Words.vietnamese(" has no value to draw"));
        assertEquals(". 3 đường: ", String.format(Words.vietnamese(". %d curves: "), 3));
    }

    /** Every title, label and legend of the plot package that is a literal has a Vietnamese line. */
    @Test
    void everyTextThePlotPackageDrawsHasAVietnameseLine() throws Exception {
        Pattern drawn = Pattern.compile(
                "(?:lineChart\\(|setTitle\\(|AxisTitle\\(|new Curve\\(|Label\\(|of\\()\\s*\"([^\"]*[a-z]{3,}[^\"]*)\"|"
                        + "String (?:TITLE|X_LABEL|Y_LABEL) = \"([^\"]*)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/lstmlab/plot"))) {
            for (Path p : files.sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    if (line.strip().startsWith("*") || line.contains("Exception")) continue;
                    Matcher m = drawn.matcher(line);
                    while (m.find()) {
                        String text = m.group(1) != null ? m.group(1) : m.group(2);
                        if (!text.replaceAll("tanh", "").matches("(?s).*[a-z]{3,}.*")) continue; // a symbol
                        if (!Words.has(text) && !Words.has(text + "1")) missing.add(p.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "add them to src/main/resources/org/lstmlab/plot/words-vi.txt");
    }

    /**
     * Every text the course's scenes print or return for a notebook to print (summaries, tables, legends) has a
     * Vietnamese line: each string literal of {@code org.lstmlab.course} that holds a word, outside exception
     * messages and comments; a literal joined to a value ({@code "bound " + rho + "^(T−t)"}) is looked up with the
     * value as {@code 1}.
     */
    @Test
    void everyTextTheCourseScenesPrintHasAVietnameseLine() throws Exception {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/lstmlab/course"))) {
            for (Path p : files.sorted().toList()) {
                for (String text : printedLiterals(Files.readString(p))) {
                    boolean has = Words.has(text)
                            || Words.has(text + "1")
                            || Words.has("1" + text)
                            || Words.has("1" + text + "1");
                    if (!has) missing.add(p.getFileName() + ": " + text);
                }
            }
        }
        assertEquals(List.of(), missing, "add them to src/main/resources/org/lstmlab/plot/words-vi.txt");
    }

    @Test
    void theScanFindsAnUntranslatedSummaryAndSkipsExceptionsAndSymbols() {
        String source = """
                /** A summary "in Javadoc". */
                String summary() {
                    if (rows.isEmpty()) throw new IllegalArgumentException("no rows: "
                            + "give at least one");
                    return Words.format("T = %d: the LSTM wins " // a comment "with quotes"
                            + "at %s", t, "T = " + t + ":") + "‖W_hh‖₂ = " + rho + "<td style=\\"a\\">";
                    Path where = Path.of("exercises/org/lstmlab");
                    return "install a JDK " + Runtime.version().feature() + " or newer";
                    return TextColumns.of("llr", List.of(List.of(Words.term("column", "windows"))));
                }
                """;
        assertEquals(
                List.of("T = %d: the LSTM wins at %s", "install a JDK 1 or newer", "windows"), printedLiterals(source));
    }

    /** Every Vietnamese line of a format ({@code %d}, {@code %.3f} …) keeps the English line's conversions in order. */
    @Test
    void aFormatKeepsItsConversionsInVietnamese() throws Exception {
        Pattern conversion = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");
        List<String> differ = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/org/lstmlab/plot/words-vi.txt"))) {
            if (line.startsWith("#") || !line.contains("\t")) continue;
            String[] parts = line.split("\t", 2);
            List<String> en =
                    conversion.matcher(parts[0]).results().map(m -> m.group()).toList();
            List<String> vi =
                    conversion.matcher(parts[1]).results().map(m -> m.group()).toList();
            if (!en.equals(vi)) differ.add(parts[0] + " " + en + " ≠ " + vi);
        }
        assertEquals(List.of(), differ);
        System.setProperty("lstmlab.lang", "vi");
        assertEquals("T = 50: huấn luyện xong trong 12 s\n", Words.format("T = %d trained in %.0f s%n", 50, 12.4));
    }

    /** The string literals of {@code source} that hold a word, adjacent literals joined, outside throws and comments. */
    static List<String> printedLiterals(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("(?m)(^|\\s)//.*$", "")
                .replaceAll("\"\\s*\\+\\s*\"", "") // "a" + "b"
                .replaceAll("\"\\s*\\+\\s*[^\";+]+?\\s*\\+\\s*\"", "1"); // "a " + x + " b"
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(code);
        while (m.find()) {
            String text = m.group(1);
            String words = text.replaceAll("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]", "")
                    .replaceAll("<[^>]*>|&\\w+;|tanh|diag", "");
            if (!words.matches("(?s).*\\b[a-z]{3,}\\b.*")) continue; // a symbol, HTML, a format without words
            if (text.matches("[^ ]*[./\\\\][^ ]*")) continue; // a path, a property's name, a pattern
            int start = Math.max(
                    code.lastIndexOf(';', m.start()),
                    Math.max(code.lastIndexOf('{', m.start()), code.lastIndexOf('}', m.start())));
            String statement = code.substring(start + 1, m.start()).strip();
            if (statement.startsWith("throw") || statement.contains("Exception(")) continue;
            String before =
                    code.substring(Math.max(0, m.start() - 20), m.start()).stripTrailing();
            if (before.endsWith("term(") || before.endsWith("TextColumns.of(") || before.endsWith("withHeader("))
                continue; // a place, an alignment
            if (before.endsWith("@SuppressWarnings(")) continue; // for the compiler
            found.add(text);
        }
        return found;
    }
}
