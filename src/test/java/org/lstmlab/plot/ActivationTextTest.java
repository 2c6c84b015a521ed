package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationTextTest {
    @Test
    void positiveIsRedNegativeIsBlueAndZeroIsWhite() {
        var t = new ActivationText("unit 3", "ab<", new double[] {2, -1, 0});
        assertEquals("rgb(255,0,0)", t.colour(0));
        assertEquals("rgb(128,128,255)", t.colour(1));
        assertEquals("rgb(255,255,255)", t.colour(2));
    }

    @Test
    void theHtmlHasOneEscapedSpanPerCharacterAndKeepsLineBreaks() {
        String html = new ActivationText("a <b>", "x<\ny", new double[] {1, 1, 1, 1}).toHtml();
        assertEquals(4, html.split("<span style=\"background:", -1).length - 1);
        assertTrue(html.contains(">&lt;</span>") && html.contains("<b>a &lt;b&gt;</b>"), html);
        assertTrue(html.contains("⏎</span>\n"), html);
    }

    @Test
    void oneValuePerCharacterIsRequired() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ActivationText("t", "abc", new double[2]));
        assertEquals("one value per character: the text has 3 characters but 2 values came", e.getMessage());
    }
}
