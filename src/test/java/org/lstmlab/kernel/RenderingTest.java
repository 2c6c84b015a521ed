package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class RenderingTest {

    static BufferedImage decode(String base64) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void aBufferedImageBecomesAPngOfTheSameSize() throws Exception {
        Map<String, String> data = Rendering.render(new BufferedImage(17, 9, BufferedImage.TYPE_INT_ARGB));
        BufferedImage png = decode(data.get("image/png"));
        assertEquals(17, png.getWidth());
        assertEquals(9, png.getHeight());
        assertEquals("BufferedImage 17x9", data.get("text/plain"));
    }

    @Test
    void anXChartChartBecomesAPngOfTheChartsSize() throws Exception {
        XYChart chart =
                new XYChartBuilder().width(200).height(150).title("loss").build();
        chart.addSeries("loss", new double[] {1, 2}, new double[] {3, 1});
        Map<String, String> data = Rendering.render(chart);
        BufferedImage png = decode(data.get("image/png"));
        assertEquals(200, png.getWidth());
        assertEquals(150, png.getHeight());
        assertTrue(data.get("text/plain").contains("\"loss\""), data.get("text/plain"));
    }

    @Test
    void aCourseChartIsAlsoAnHtmlImageWhoseAltIsItsTextAlternative() throws Exception {
        XYChart chart = org.lstmlab.plot.ActivationChart.chart();
        Map<String, String> data = Rendering.render(chart);
        String alt = org.lstmlab.plot.AltText.of(chart);
        assertEquals(
                "<img src=\"data:image/png;base64," + data.get("image/png") + "\" alt=\"" + Rendering.escape(alt)
                        + "\">",
                data.get("text/html"));
        assertTrue(alt.startsWith("The course's two non-linearities"), alt);
        assertTrue(data.get("text/html").contains("alt=\"The course&#39;s")
                || data.get("text/html").contains("alt=\"The course's"));
    }

    @Test
    void aDiagramsImageIsAnHtmlImageWithItsTextButAnyOtherImageIsOnlyAPng() {
        org.lstmlab.plot.Diagram diagram = org.lstmlab.plot.LstmDiagram.forgetGate();
        Map<String, String> data = Rendering.render(diagram.image());
        assertTrue(
                data.get("text/html").endsWith("alt=\"" + Rendering.escape(diagram.altText()) + "\">"),
                data.get("text/html"));
        assertEquals(
                null,
                Rendering.render(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB))
                        .get("text/html"));
    }

    @Test
    void aTableShowsItsFirstRowsAndItsShape() {
        double[] values = new double[25];
        Table table = Table.create("t", DoubleColumn.create("x", values));
        Map<String, String> data = Rendering.render(table);
        String html = data.get("text/html");
        assertEquals(Rendering.TABLE_ROWS + 1, html.split("<tr>").length - 1);
        assertTrue(html.contains("25 rows × 1 columns, first 10 shown"), html);
        assertTrue(data.get("text/plain").endsWith("25 rows × 1 columns"), data.get("text/plain"));
    }

    @Test
    void aTablesTextColumnsReadFromTheLeftAndAShortTextStaysOnOneLine() {
        Table table = Table.create(
                "variants",
                tech.tablesaw.api.StringColumn.create(
                        "cell", "NOAF (h_t = o_t * C_t)", "a long note that may wrap where the column is narrow"),
                DoubleColumn.create("MSE", 0.00829, 0.029));
        String html = Rendering.render(table).get("text/html");
        assertTrue(html.contains("<th style=\"text-align:left\">cell</th><th>MSE</th>"), html);
        assertTrue(
                html.contains("<td style=\"text-align:left; white-space:nowrap\">NOAF (h_t = o_t * C_t)</td><td>"),
                html);
        assertTrue(html.contains("<td style=\"text-align:left\">a long note"), html);
    }

    @Test
    void anIndArrayShowsShapeAndDataType() {
        String text = Rendering.render(Nd4j.zeros(DataType.FLOAT, 3, 4)).get("text/plain");
        assertTrue(text.startsWith("INDArray [3, 4] FLOAT\n"), text);
    }

    public static class Report {
        public String toHtml() {
            return "<i>ok</i>";
        }

        @Override
        public String toString() {
            return "ok";
        }
    }

    @Test
    void anObjectWithAPublicToHtmlIsHtmlWithToStringAsText() {
        Map<String, String> data = Rendering.render(new Report());
        assertEquals("<i>ok</i>", data.get("text/html"));
        assertEquals("ok", data.get("text/plain"));
    }

    @Test
    void anyOtherObjectIsPlainTextOnly() {
        Map<String, String> data = Rendering.render(java.util.List.of(1, 2));
        assertFalse(data.containsKey("text/html"));
        assertEquals("[1, 2]", data.get("text/plain"));
        assertEquals("null", Rendering.render(null).get("text/plain"));
    }

    @Test
    void tableCellsAreHtmlEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Rendering.escape("a <b> & \"c\""));
    }
}
