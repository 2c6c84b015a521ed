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
    void aRowOfTheWrongLengthOrABadAlignmentIsNamed() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> TextColumns.of("lr", List.of(List.of("a", "b"), List.of("c"))));
        assertTrue(
                e.getMessage().contains("every row must have 2 cells (alignment \"lr\") but [c] has 1"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextColumns.of("lx", List.of(List.of("a", "b"))));
    }
}
