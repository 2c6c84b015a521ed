package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextColumnsTest {
    @Test
    void vietnameseColumnsLineUpByWhatAMonospaceFontShows() {
        String table = TextColumns.of(
                "lr",
                List.of(
                        List.of("phần", "số cửa sổ"),
                        List.of("huấn luyện", "2916"),
                        List.of(Normalizer.normalize("kiểm định", Normalizer.Form.NFD), "318")));
        assertEquals(
                String.join("\n", "phần       số cửa sổ", "huấn luyện      2916", "kiểm định        318"),
                Normalizer.normalize(table, Normalizer.Form.NFC));
        for (String line : table.split("\n")) assertEquals(20, TextColumns.width(line), line);
    }

    @Test
    void aTitleWiderThanItsColumnsValuesFoldsAtACommaOrNearItsMiddleAndANarrowOneStaysWhole() {
        // a folded header's columns stand two spaces apart, so its upper line reads as separate titles
        String table = TextColumns.withHeader(
                "lrr",
                List.of("cell", "MSE ÷ mốc so sánh, trung bình", "học được một phần"),
                List.of(List.of("LSTM đầy đủ", "0.0290", "0 trên 2")));
        assertEquals(
                String.join(
                        "\n",
                        " ".repeat(13) + "MSE ÷ mốc so sánh,  học được",
                        "cell" + " ".repeat(17) + "trung bình  một phần",
                        "LSTM đầy đủ" + " ".repeat(14) + "0.0290  0 trên 2"),
                table);
        assertEquals(
                List.of("          val. MSE", "inputs       (°C²)", "temp_max     8.039"),
                TextColumns.withHeader("lr", List.of("inputs", "val. MSE (°C²)"), List.of(List.of("temp_max", "8.039")))
                        .lines()
                        .toList(),
                "before a parenthesis");
        assertEquals(
                "seed MSE\n   1 8.0",
                TextColumns.withHeader("rr", List.of("seed", "MSE"), List.of(List.of("1", "8.0"))),
                "no title wider than its values: one header line");
    }

    @Test
    void aRowOfTheWrongLengthOrABadAlignmentIsNamed() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> TextColumns.of("lr", List.of(List.of("a", "b"), List.of("c"))));
        assertTrue(
                e.getMessage().contains("every row must have 2 cells (alignment \"lr\") but [c] has 1"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextColumns.of("lx", List.of(List.of("a", "b"))));
    }
}
