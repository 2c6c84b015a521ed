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
}
