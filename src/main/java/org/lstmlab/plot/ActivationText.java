package org.lstmlab.plot;

import java.util.Locale;

/**
 * A stretch of text with one value per character drawn as the character's background colour — red for
 * positive, blue for negative, white for zero, full colour at the largest |value| — as Karpathy, Johnson
 * &amp; Fei-Fei (2015) show a cell's activation over the text it reads. A notebook cell that returns one shows
 * it as HTML ({@link #toHtml()}).
 *
 * <pre>{@code
 * new ActivationText("cell 17: C_t", text, cs)   // text [N], cs [N]
 * }</pre>
 *
 * @param title  a line above the text
 * @param text   the characters, {@code [N]}
 * @param values one value per character, {@code [N]}, finite
 */
public record ActivationText(String title, String text, double[] values) {
    public ActivationText {
        if (text == null || values == null || text.length() != values.length) {
            throw new IllegalArgumentException("one value per character: the text has "
                    + (text == null ? "none" : text.length()) + " characters but "
                    + (values == null ? "no" : values.length) + " values came");
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("value " + k + " must be finite but is " + values[k]);
            }
        }
        values = values.clone();
    }

    /** The largest |value|, the scale of full colour (1 when every value is 0). */
    public double scale() {
        double max = 0;
        for (double v : values) max = Math.max(max, Math.abs(v));
        return max == 0 ? 1 : max;
    }

    /** The background colour of character k: {@code rgb(r, g, b)}. */
    public String colour(int k) {
        double a = Math.max(-1, Math.min(1, values[k] / scale()));
        int fade = (int) Math.round(255 * (1 - Math.abs(a)));
        return a >= 0
                ? String.format(Locale.ROOT, "rgb(255,%d,%d)", fade, fade)
                : String.format(Locale.ROOT, "rgb(%d,%d,255)", fade, fade);
    }

    /** The text as a {@code <pre>} of one coloured {@code <span>} per character, line breaks kept. */
    public String toHtml() {
        StringBuilder html = new StringBuilder(text.length() * 48);
        html.append("<div class=\"lstmlab-activation\"><b>")
                .append(escape(Words.t(title)))
                .append("</b> ");
        html.append("<span style=\"color:#555\">(")
                .append(escape(Words.format("red > 0 > blue, full colour at |value| = %.3g", scale())))
                .append(")</span>");
        html.append("<pre style=\"line-height:1.35;color:#000;background:#fff;padding:4px\">");
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '\n') {
                html.append("<span style=\"background:").append(colour(k)).append("\">⏎</span>\n");
                continue;
            }
            html.append("<span style=\"background:").append(colour(k)).append("\">");
            html.append(escape(String.valueOf(ch)));
            html.append("</span>");
        }
        return html.append("</pre></div>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return Words.format("%s (%d characters)", title, text.length());
    }
}
